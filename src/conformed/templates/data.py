"""Executive data for drafting: one YAML file, or a CSV with one row per executive.

Everything is validated before anything is rendered, and every problem of a
row is reported at once with its field name and where it came from
("executives.csv row 3"), so a paralegal fixes a spreadsheet in one pass
instead of one error per run.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..amendment import format_date
from ..errors import ConformedError, InputError
from ..io.files import read_text
from ..io.yamlfile import load_yaml
from .fields import FieldReader
from .labels import LabelStyle, parse_style

REQUIRED = (
    "name",
    "role",
    "pronouns",
    "company",
    "agreement_title",
    "agreement_date",
    "agreement_short_name",
    "label_style",
    "payment_term",
    "employment_agreement",
    "signatory_name",
    "signatory_title",
    "amendment_number",
    "amendment_date",
    "sections",
)
OPTIONAL = ("id", "template", "possessive", "effective_date", "signed", "base", "subsections")
# The provisions each built-in form cites, as labels of the base agreement.
FORM_FIELDS = {
    "termination_benefits_409a": (
        "severance_section",
        "payment_subsection",
        "deleted_subsection",
        "health_subsection",
        "late_payment_subsection",
        "gross_up_after",
        "legal_fees_section",
    ),
    "severance_409a": (
        "definitions_section",
        "code_definition",
        "severance_section",
        "payment_subsection",
        "health_subsection",
        "gross_up_after",
        "forfeiture_section",
    ),
}


class DraftDataError(ConformedError):
    """One executive's data is unusable; ``problems`` lists every reason."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source, self.problems = source, problems
        listed = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{source}: {len(problems)} problem(s) in the data:\n{listed}")

    def __reduce__(self) -> tuple[type[DraftDataError], tuple[str, list[str]]]:
        return (DraftDataError, (self.source, self.problems))  # a row crosses to a worker


@dataclass(frozen=True)
class Executive:
    """One executive's amendment: who, which agreement, how it numbers, what to cite."""

    id: str
    source: str
    name: str
    possessive: str
    role: str
    pronouns: tuple[str, str, str]
    company: str
    agreement_title: str
    agreement_date: dt.date
    agreement_short_name: str
    label_style: LabelStyle
    payment_term: str
    employment_agreement: bool
    signatory_name: str
    signatory_title: str
    amendment_number: int
    amendment_date: dt.date
    effective_date: dt.date
    sections: int
    subsections: tuple[tuple[str, int], ...] = ()
    labels: tuple[tuple[str, str], ...] = ()  # e.g. ("severance_section", "5")
    template: str = ""
    signed: bool = False
    base: Path | None = None

    def context(self) -> dict[str, Any]:
        """What a template sees: dates printed as the seeds print them."""
        he, him, his = self.pronouns
        plain = {k: v for k, v in vars(self).items() if k not in ("pronouns", "labels")}
        return {
            **plain,
            **dict(self.labels),
            "he": he,
            "him": him,
            "his": his,
            "agreement_date": format_date(self.agreement_date),
            "amendment_date": format_date(self.amendment_date),
            "effective_date": format_date(self.effective_date),
            "base": str(self.base or ""),
        }


@dataclass(frozen=True)
class Row:
    """One executive as read: usable data, or the error saying why not."""

    source: str
    id: str
    executive: Executive | None = None
    error: DraftDataError | None = None


MAX_ID = 100  # characters of a draft id, which names its file


def load_rows(path: str | Path, template: str = "") -> list[Row]:
    """Every executive in a .yaml/.yml file (a mapping or a list of them) or a .csv."""
    path = Path(path)
    text = read_text(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        records = [
            (f"{path.name} row {n}", {k.strip(): v for k, v in r.items() if k})
            for n, r in enumerate(csv.DictReader(io.StringIO(text)), start=2)
        ]
    elif suffix in (".yaml", ".yml"):
        loaded = load_yaml(text, path)
        many = loaded if isinstance(loaded, list) else [loaded]
        records = [
            (path.name if len(many) == 1 else f"{path.name} entry {n}", r)
            for n, r in enumerate(many, start=1)
        ]
    else:
        raise InputError(f"{path}: executive data must be .yaml, .yml or .csv")
    if not records:
        raise InputError(f"{path}: no executives in the file")
    rows, seen = [], set()
    for source, record in records:
        default_id = path.stem if len(records) == 1 else ""
        row = read_row(record, source, path.parent, template, default_id)
        if row.id in seen:
            row = Row(
                source,
                row.id,
                None,
                DraftDataError(source, [f"id {row.id!r} repeats an earlier row"]),
            )
        seen.add(row.id)
        rows.append(row)
    return rows


def read_row(record: object, source: str, folder: Path, template: str, default_id: str) -> Row:
    if not isinstance(record, Mapping):
        return Row(source, source, None, DraftDataError(source, ["expected field: value pairs"]))
    raw = {str(k).strip(): v for k, v in record.items() if v is not None and str(v).strip() != ""}
    ident = str(
        raw.get("id") or default_id or _slug(raw.get("name", source), raw.get("template", template))
    )
    if not re.fullmatch(r"[\w.\-]+", ident) or ident.startswith("."):
        problem = f"id {ident!r} must be a plain file name (letters, digits, _ . -)"
        return Row(source, _slug(ident, "")[:MAX_ID], None, DraftDataError(source, [problem]))
    if len(ident) > MAX_ID:  # it names the draft's file, and file names are short
        problem = f"id {ident[:40]}... is {len(ident)} characters long (at most {MAX_ID})"
        return Row(source, ident[:MAX_ID], None, DraftDataError(source, [problem]))
    try:
        return Row(source, ident, executive(raw, source, folder, template, ident))
    except DraftDataError as exc:
        return Row(source, ident, None, exc)


def executive(
    raw: dict[str, Any], source: str, folder: Path, template: str, ident: str
) -> Executive:
    """Validate one record; raise DraftDataError listing every problem."""
    problems = [f"missing field {f!r}" for f in REQUIRED if f not in raw]
    form = template if template and template != "auto" else raw.get("template", "")
    if not form:
        problems.append("missing field 'template' (no TEMPLATE was given for every row)")
    problems += [
        f"missing field {f!r} (the {form} form cites it)"
        for f in FORM_FIELDS.get(Path(str(form)).name.removesuffix(".j2"), ())
        if f not in raw
    ]
    get = FieldReader(raw, problems)
    style = parse_style(raw.get("label_style"))
    if "label_style" in raw and style is None:
        problems.append(
            f"label_style: unknown label style {raw['label_style']!r} (use '2.b.' or '5(b)')"
        )
    sections = get.integer("sections")
    subsections = get.subsections(sections)
    labels = tuple((k, str(v).strip()) for k, v in raw.items() if k not in REQUIRED + OPTIONAL)
    for key, value in labels:
        if not re.fullmatch(r"\d{1,3}|[a-z]{1,4}", value.strip("().").lower()):
            problems.append(f"{key}: {value!r} is not a label such as '5' or 'c'")
    data = dict(
        id=ident,
        source=source,
        name=get.text("name"),
        role=get.word("role"),
        possessive=get.text("possessive") if "possessive" in raw else f"{get.text('name')}'s",
        pronouns=get.pronouns(),
        company=get.text("company"),
        agreement_title=get.text("agreement_title"),
        agreement_date=get.date("agreement_date"),
        agreement_short_name=get.text("agreement_short_name"),
        payment_term=get.word("payment_term"),
        employment_agreement=get.boolean("employment_agreement"),
        signatory_name=get.text("signatory_name"),
        signatory_title=get.text("signatory_title"),
        amendment_number=get.integer("amendment_number"),
        amendment_date=get.date("amendment_date"),
        sections=sections,
        subsections=subsections,
        template=str(form or ""),
        signed=get.boolean("signed") if "signed" in raw else False,
        labels=tuple((k, v.strip("().").lower()) for k, v in labels),
    )
    effective = get.date("effective_date") if "effective_date" in raw else data["amendment_date"]
    base = Path(os.path.normpath(folder / str(raw["base"]))) if "base" in raw else None
    if problems or style is None:
        raise DraftDataError(source, problems)
    fields = {**data, "label_style": style, "effective_date": effective, "base": base}
    return Executive(**fields)  # type: ignore[arg-type]


def _slug(name: object, template: object) -> str:
    words = re.findall(r"[a-z0-9]+", f"{name} {template}".lower())
    return "_".join(words) or "draft"
