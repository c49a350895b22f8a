"""Clients for the two kinds of ward staff."""

import pytest

from .people import APPROVERS, EDITORS, make_staff


@pytest.fixture
def editor(db):
    return make_staff("bien-tap", EDITORS)


@pytest.fixture
def approver(db):
    return make_staff("duyet-tin", APPROVERS)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def approver_client(client, approver):
    client.force_login(approver)
    return client
