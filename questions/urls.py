from django.urls import path

from . import views

app_name = "questions"

urlpatterns = [
    path("hoi-dap/", views.index, name="index"),
    path("hoi-dap/gui-cau-hoi/", views.ask, name="ask"),
    path("hoi-dap/da-gui/", views.sent, name="sent"),
    path("hoi-dap/<int:pk>/", views.detail, name="detail"),
]
