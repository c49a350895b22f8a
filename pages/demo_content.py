"""The demo Giới thiệu pages that `manage.py load_demo` loads: our own texts about the invented phường Hòa
Bình, whose people are the same invented cast as the demo articles (news.demo_content).

Safe to run again: a page whose slug exists is left alone. Portraits are drawn from shapes, no photo of
anyone.
"""

import io
from dataclasses import dataclass
from html import escape

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageDraw

from .models import Page, PagePhoto, Person


@dataclass(frozen=True)
class DemoPerson:
    name: str
    position: str
    phone: str = ""
    email: str = ""
    # Published or not, as staff choose: a hidden contact is loaded too, to show it stays hidden.
    public: bool = True


@dataclass(frozen=True)
class DemoPage:
    slug: str
    title: str
    order: int
    blocks: tuple[str, ...]  # plain paragraphs, or ready HTML where a block starts with "<"
    parent: str = ""  # the parent's slug
    in_menu: bool = False
    photos: tuple[tuple[str, int | None], ...] = ()  # (caption, the paragraph it follows)
    people: tuple[DemoPerson, ...] = ()

    @property
    def body(self):
        return "\n".join(b if b.startswith("<") else f"<p>{escape(b, quote=False)}</p>" for b in self.blocks)


PAGES = (
    DemoPage(
        slug="lich-su-phuong",
        title="Lịch sử phường",
        order=1,
        in_menu=True,
        blocks=(
            "Phường Hòa Bình nằm bên bờ con sông nhỏ chảy qua phía đông thành phố. Trước kia đây là ba"
            " thôn trồng rau và làm nghề đan lát, nhà cửa thưa thớt, đường làng lát gạch nghiêng.",
            "Năm 1997, ba thôn được hợp lại thành phường Hòa Bình với gần chín nghìn nhân khẩu. Những năm"
            " đầu, việc lớn nhất của phường là mở đường, làm cống thoát nước và đưa điện về từng ngõ.",
            "<h2>Những mốc đáng nhớ</h2>",
            "<ul><li>1997: thành lập phường, Đảng bộ phường có 14 chi bộ.</li>"
            "<li>2005: hoàn thành nhà văn hóa ở cả mười tổ dân phố.</li>"
            "<li>2015: phường đạt chuẩn văn minh đô thị.</li>"
            "<li>2024: khánh thành công viên ven sông do nhân dân góp công, góp đất.</li></ul>",
            "Ngày nay phường có hơn hai mươi nghìn người, nhiều trường học, chợ và các tuyến phố mới, nhưng"
            " người dân vẫn giữ lễ hội đình làng mỗi độ xuân về và nếp sống đùm bọc của xóm cũ.",
        ),
        photos=(("Đình làng Hòa Bình, nơi tổ chức lễ hội mỗi mùa xuân", 1), ("Công viên ven sông", None)),
    ),
    DemoPage(
        slug="ban-chap-hanh-dang-bo",
        title="Ban Chấp hành Đảng bộ",
        order=2,
        in_menu=True,
        blocks=(
            "Ban Chấp hành Đảng bộ phường nhiệm kỳ 2025 – 2030 gồm 15 đồng chí, được Đại hội đại biểu"
            " Đảng bộ phường bầu ra. Ban Chấp hành lãnh đạo mọi mặt công tác của phường giữa hai kỳ đại hội.",
            "Ban Chấp hành họp thường lệ mỗi quý một lần; các đồng chí ủy viên được phân công phụ trách"
            " từng chi bộ và từng lĩnh vực, thường xuyên đi cơ sở nắm tình hình và lắng nghe ý kiến"
            " nhân dân.",
        ),
        people=(
            DemoPerson(
                "Nguyễn Văn Thành", "Bí thư Đảng ủy phường", "024 0000 0101", "thanh.nv@hoabinh.example.vn"
            ),
            DemoPerson(
                "Trần Thị Hương",
                "Phó Bí thư Thường trực Đảng ủy phường",
                "024 0000 0102",
                "huong.tt@hoabinh.example.vn",
            ),
            DemoPerson(
                "Phạm Thị Lan",
                "Phó Bí thư Đảng ủy, Chủ tịch UBND phường",
                "024 0000 0103",
                "lan.pt@hoabinh.example.vn",
            ),
            DemoPerson(
                "Lê Minh Quân",
                "Ủy viên Ban Thường vụ, Chủ tịch HĐND phường",
                email="quan.lm@hoabinh.example.vn",
            ),
            DemoPerson("Hoàng Thị Mai", "Ủy viên Ban Thường vụ, Chủ tịch Ủy ban MTTQ phường"),
            DemoPerson(
                "Vũ Đức Mạnh", "Ủy viên Ban Chấp hành, Trưởng Công an phường", "0900 000 104", public=False
            ),
            DemoPerson("Đỗ Quang Huy", "Ủy viên Ban Chấp hành, Bí thư Đoàn phường"),
        ),
    ),
    DemoPage(
        slug="ban-thuong-vu",
        title="Ban Thường vụ",
        parent="ban-chap-hanh-dang-bo",
        order=1,
        blocks=(
            "Ban Thường vụ Đảng ủy gồm 5 đồng chí, thay mặt Ban Chấp hành lãnh đạo công việc hằng ngày và"
            " họp mỗi tháng một lần. Lịch tiếp công dân của các đồng chí Thường vụ được niêm yết tại trụ sở.",
        ),
        people=(
            DemoPerson("Nguyễn Văn Thành", "Bí thư Đảng ủy phường", "024 0000 0101"),
            DemoPerson("Trần Thị Hương", "Phó Bí thư Thường trực Đảng ủy phường", "024 0000 0102"),
            DemoPerson("Phạm Thị Lan", "Phó Bí thư Đảng ủy, Chủ tịch UBND phường", "024 0000 0103"),
        ),
    ),
    DemoPage(
        slug="cac-chi-bo-truc-thuoc",
        title="Các chi bộ trực thuộc",
        order=3,
        in_menu=True,
        blocks=(
            "Đảng bộ phường có 18 chi bộ trực thuộc: 10 chi bộ tổ dân phố, 4 chi bộ trường học, chi bộ"
            " Quân sự, chi bộ Công an, chi bộ cơ quan và chi bộ trạm y tế.",
            "<table><thead><tr><th>Chi bộ</th><th>Số đảng viên</th><th>Bí thư chi bộ</th></tr></thead><tbody>"
            "<tr><td>Chi bộ Tổ dân phố số 1</td><td>42</td><td>Phan Văn Hải</td></tr>"
            "<tr><td>Chi bộ Tổ dân phố số 2</td><td>37</td><td>Bùi Thị Ngọc</td></tr>"
            "<tr><td>Chi bộ Trường Tiểu học Hòa Bình</td><td>21</td><td>Đặng Thu Hà</td></tr>"
            "</tbody></table>",
            "Chi bộ họp thường kỳ vào ngày mùng 3 hằng tháng; đảng viên ở xa được báo lịch qua nhóm Zalo"
            " của chi bộ.",
        ),
    ),
    DemoPage(
        slug="mat-tran-va-cac-doan-the",
        title="Mặt trận và các đoàn thể",
        order=4,
        in_menu=True,
        blocks=(
            "Ủy ban Mặt trận Tổ quốc phường cùng các đoàn thể là cầu nối giữa Đảng ủy, chính quyền và nhân"
            " dân. Mỗi đoàn thể có trụ sở làm việc tại nhà văn hóa phường.",
            "<h2>Hội Phụ nữ</h2>",
            "Hơn 3.000 hội viên, nòng cốt của phong trào nuôi heo đất giúp chị em khó khăn và tổ tiết kiệm.",
            "<h2>Hội Cựu chiến binh</h2>",
            "Các bác cựu chiến binh giữ gìn truyền thống, hòa giải ở tổ dân phố và kể chuyện cho học sinh.",
            "<h2>Đoàn Thanh niên</h2>",
            "Đoàn viên tình nguyện dọn bờ sông mỗi sáng chủ nhật và mở lớp học hè miễn phí cho thiếu nhi.",
        ),
        photos=(("Đoàn viên thanh niên dọn vệ sinh bờ sông", 6),),
    ),
)

BACKGROUNDS = ((222, 232, 240), (240, 230, 222), (228, 238, 226), (236, 226, 236))
SHIRTS = ((250, 250, 250), (40, 60, 110), (250, 250, 250), (120, 30, 40))
FACE, HAIR = (232, 196, 166), (40, 32, 30)


def demo_portrait(seed):
    """A 300×400 head and shoulders drawn from shapes: no one's photo."""
    image = Image.new("RGB", (300, 400), BACKGROUNDS[seed % len(BACKGROUNDS)])
    draw = ImageDraw.Draw(image)
    draw.ellipse((30, 270, 270, 520), fill=SHIRTS[seed % len(SHIRTS)])
    draw.rectangle((125, 230, 175, 290), fill=FACE)
    draw.ellipse((85, 90, 215, 250), fill=FACE)
    draw.chord((80, 70, 220, 200), 180, 360, fill=HAIR)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return ContentFile(buffer.getvalue(), name="chan-dung.jpg")


def load(photo_of):
    """Create the demo pages that are missing; photo_of(seed, scene) draws a placeholder photo.

    Returns how many pages were created.
    """
    existing = set(Page.objects.filter(slug__in=[p.slug for p in PAGES]).values_list("slug", flat=True))
    created = 0
    for index, demo in enumerate(PAGES):
        if demo.slug in existing:
            continue
        with transaction.atomic():
            page = Page.objects.create(
                slug=demo.slug,
                title=demo.title,
                parent=Page.objects.filter(slug=demo.parent).first() if demo.parent else None,
                order=demo.order,
                show_in_menu=demo.in_menu,
                body=demo.body,
                status=Page.Status.PUBLISHED,
            )
            for order, (caption, position) in enumerate(demo.photos):
                photo = PagePhoto(page=page, caption=caption, position=position, order=order)
                photo.image = photo_of(40 + index * 3 + order, "street")
                photo.save()
            for order, person in enumerate(demo.people):
                Person(
                    page=page,
                    name=person.name,
                    position=person.position,
                    phone=person.phone,
                    phone_public=person.public and bool(person.phone),
                    email=person.email,
                    email_public=person.public and bool(person.email),
                    order=order,
                    photo=demo_portrait(index + order),
                ).save()
        created += 1
    return created
