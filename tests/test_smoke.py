def test_home(client, db):
    assert client.get("/").status_code == 200
