from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.views.generic import TemplateView

from . import views
from .feeds import CategoryFeed, LatestArticlesFeed
from .sitemaps import SITEMAPS

app_name = "news"

urlpatterns = [
    path("", views.article_list, name="article_list"),
    path("tin-tuc/", views.all_news, name="all"),
    path("tin-tuc/<slug:slug>/", views.article_detail, name="article_detail"),
    path("chuyen-muc/<slug:slug>/", views.category, name="category"),
    path("chuyen-muc/<slug:slug>/rss/", CategoryFeed(), name="category_feed"),
    path("tim-kiem/", views.search, name="search"),
    path("rss/", LatestArticlesFeed(), name="feed"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
        name="robots",
    ),
]
