"""The local web page (``conformed serve``): conform, outline, redline, draft and
history without a terminal, through the same library functions as the command line.

Starlette and uvicorn are imported only by ``conformed serve``: the other commands
never load them."""
