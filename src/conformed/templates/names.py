"""The built-in drafting forms, by name: a module of its own so that the command line
can list them without loading Jinja2 and python-docx."""

FORMS = ("termination_benefits_409a", "severance_409a")
