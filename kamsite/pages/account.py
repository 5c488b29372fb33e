"""The account page (`/accounts/<id>/`)."""

from __future__ import annotations

from kamsite.model import Account
from kamsite.pages.markdown import cell, text


def account_page(account: Account) -> str:
    lines = [f"# {text(account.name)}", ""]
    lines += ["## Stakeholders", ""]
    if account.stakeholders:
        lines += [
            "| Name | Title | Unit | Roles | Influence | Attitude |",
            "|---|---|---|---|---|---|",
        ]
        for s in account.stakeholders:
            roles = ", ".join(r.value for r in s.roles)
            lines.append(
                f'| <span id="{s.id}"></span>{cell(s.name)} | {cell(s.title)} | {cell(s.unit)}'
                f" | {cell(roles)} | {s.influence} | {s.attitude.value} |"
            )
    else:
        lines.append("No stakeholders mapped yet.")
    return "\n".join(lines) + "\n"
