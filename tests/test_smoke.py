from tests.factories import make_article


def test_article_renders_with_date_line_and_breadcrumbs(client, sections):
    article = make_article(sections["committees"], title="Giám sát bảo trợ xã hội")
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Giám sát bảo trợ xã hội" in html
    assert "Ngày đăng" in html
    assert "Các Ban HĐND tỉnh" in html
