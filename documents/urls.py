from django.urls import path

from . import views
from .feeds import LatestDocumentsFeed

app_name = "documents"

urlpatterns = [
    path("van-ban/", views.document_list, name="list"),
    path("van-ban/rss/", LatestDocumentsFeed(), name="feed"),
    path("van-ban/<slug:slug>/", views.document_detail, name="detail"),
    path("van-ban/<slug:slug>/tep/<int:pk>/", views.download, name="file"),
]
