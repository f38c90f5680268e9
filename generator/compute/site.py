"""Site-wide views that belong to no edition (the accessibility statement)."""

from __future__ import annotations

from babel.dates import format_date

from generator.compute.views import AccessibilityView
from generator.model.project import ProjectModel


def accessibility_view(project: ProjectModel) -> AccessibilityView | None:
    statement = project.site.accessibility
    if statement is None:
        return None
    return AccessibilityView(
        organisation=statement.organisation or project.site.organisation,
        site_title=project.site.title,
        date=statement.date.isoformat(),
        date_text=format_date(statement.date, format="long", locale="nl_NL"),
        contact=statement.contact,
        contact_is_email="@" in statement.contact and " " not in statement.contact,
        phone=statement.phone,
        status=statement.status,
        limitations=list(statement.limitations),
        explanation_md=statement.explanation or "",
    )
