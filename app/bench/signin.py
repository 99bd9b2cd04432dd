"""The bench's own administrator: every page and callback needs a signed-in user."""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from typing import Any

USER = "bench-admin"


def add_admin(ops_db: Path) -> str:
    """Create USER (role admin) in the operational store at `ops_db`; returns its password."""
    from app.security.passwords import hash_password
    from warehouse.users import add_user, get_user

    password = secrets.token_urlsafe(16)
    if get_user(ops_db, USER) is None:
        add_user(ops_db, user_name=USER, role="admin", password_hash=hash_password(password))
        return password
    raise RuntimeError(f"{ops_db} already has a user {USER}: use a fresh operational store")


def sign_in_client(client: Any, password: str) -> None:
    """Sign a Flask test client in through the real login form (CSRF token and all)."""
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    if token is None:
        raise RuntimeError("the login page has no CSRF token")
    response = client.post(
        "/login",
        data={"user": USER, "password": password, "csrf_token": token.group(1), "next": "/"},
    )
    if response.status_code != 302:
        raise RuntimeError(f"sign-in refused ({response.status_code})")


def sign_in_browser(driver: Any, password: str) -> None:
    """Fill in the login form when the app shows it (a no-op once signed in)."""
    from urllib.parse import urlparse

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    if urlparse(driver.current_url).path != "/login":
        return
    driver.find_element(By.ID, "login-user").send_keys(USER)
    driver.find_element(By.ID, "login-password").send_keys(password)
    driver.find_element(By.ID, "login-submit").click()
    WebDriverWait(driver, 60).until(lambda d: urlparse(d.current_url).path != "/login")
