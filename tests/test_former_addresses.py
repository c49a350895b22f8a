"""A renamed article keeps its old address: links shared on Zalo and Facebook go on working."""

from news.models import Article


def test_the_old_address_of_a_renamed_article_redirects_to_the_new_one(reader, make_article):
    article = make_article(title="Hội nghị sơ kết quý ba")
    old_url = article.get_absolute_url()
    article.slug = "hoi-nghi-so-ket-quy-3"
    article.save()

    response = reader.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/tin-tuc/hoi-nghi-so-ket-quy-3/"
    assert reader.get(response["Location"]).status_code == 200
    # The redirect is not a reading: only the page it leads to counts.
    assert Article.objects.get(pk=article.pk).view_count == 1


def test_every_old_address_leads_to_the_current_one_and_taking_one_back_makes_no_loop(reader, make_article):
    article = make_article(title="Bài viết", slug="ten-dau")
    for slug in ("ten-hai", "ten-ba", "ten-dau"):
        article.slug = slug
        article.save()
    assert reader.get("/tin-tuc/ten-dau/").status_code == 200
    for old in ("ten-hai", "ten-ba"):
        response = reader.get(f"/tin-tuc/{old}/")
        assert (response.status_code, response["Location"]) == (301, "/tin-tuc/ten-dau/")


def test_a_new_article_does_not_take_an_old_address_still_in_use(reader, make_article):
    renamed = make_article(title="Lễ kết nạp đảng viên mới")
    renamed.slug = "le-ket-nap-dang-vien-khu-3"
    renamed.save()
    newcomer = make_article(title="Lễ kết nạp đảng viên mới")
    assert newcomer.slug == "le-ket-nap-dang-vien-moi-2"
    assert reader.get("/tin-tuc/le-ket-nap-dang-vien-moi/")["Location"] == renamed.get_absolute_url()


def test_the_old_address_of_a_draft_is_not_found_by_the_public(reader, make_article):
    draft = make_article(title="Bản nháp", status=Article.Status.DRAFT)
    old_url = draft.get_absolute_url()
    draft.slug = "ban-nhap-moi"
    draft.save()
    assert reader.get(old_url).status_code == 404
