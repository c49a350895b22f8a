from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("", views.article_list, name="article_list"),
    path("tin-tuc/<slug:slug>/", views.article_detail, name="article_detail"),
    path("chuyen-muc/<slug:slug>/", views.category, name="category"),
    path("tim-kiem/", views.search, name="search"),
]
