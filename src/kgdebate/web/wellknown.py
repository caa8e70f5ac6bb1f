"""(placeholder: this feature is being built)"""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("wellknown", __name__)
