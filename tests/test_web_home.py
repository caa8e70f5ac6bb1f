"""The app factory, the front page and the one error shape (Flask's test client)."""

from __future__ import annotations

from flask.testing import FlaskClient


def test_front_page_shows_the_graph(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert "kgd:Claim" in response.get_data(as_text=True)
    assert response.headers["Content-Security-Policy"] == "default-src 'self'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Access-Control-Allow-Origin" not in response.headers


def test_unknown_path_gets_the_one_error_shape(client: FlaskClient) -> None:
    response = client.get("/no/such/page<script>")
    assert response.status_code == 404
    assert response.get_json() == {"error": "not found", "code": "not-found"}
    assert b"<script>" not in response.data
