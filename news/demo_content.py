"""The demo articles that `manage.py load_demo` loads: our own Vietnamese texts about a fictional ward.

Everything here is written for this project; phường Hòa Bình and every person named are invented. The
texts follow the shape of a ward Party committee's news report (who met, what was said, what comes
next) so that reviewers see the pages with realistic length, diacritics, photos and captions.
"""

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class DemoPhoto:
    caption: str
    # The paragraph the photo follows (ArticlePhoto.position); None puts it at the end of the article.
    position: int | None = None
    # "hall" draws a meeting room, "street" an outdoor scene, so the placeholder suits the caption.
    scene: str = "hall"


@dataclass(frozen=True)
class DemoArticle:
    slug: str  # how a second run recognises what the first one loaded
    title: str
    summary: str
    category: str
    days_ago: int  # negative: scheduled for that many days ahead
    hour: int  # local time of day it went out, so the list shows varied times
    views: int
    blocks: tuple[str, ...]  # plain paragraphs, or ready HTML where a block starts with "<"
    photos: tuple[DemoPhoto, ...]
    draft: bool = False

    @property
    def body(self):
        return "\n".join(b if b.startswith("<") else f"<p>{escape(b, quote=False)}</p>" for b in self.blocks)


# Names and the order sections appear in the menu; created only where missing.
CATEGORIES = (
    ("Xây dựng Đảng", 1),
    ("Chính quyền", 2),
    ("Văn hóa - Xã hội", 3),
    ("An ninh - Trật tự", 4),
)

DAN_VAN = DemoArticle(
    slug="hoi-nghi-chuyen-de-dan-van-kheo-o-khu-dan-cu",
    title="Đảng ủy phường Hòa Bình bàn giải pháp nhân rộng mô hình “Dân vận khéo” ở khu dân cư",
    summary=(
        "Bí thư các chi bộ khu dân cư kể lại những việc đã làm được nhờ lắng nghe dân, và cùng Đảng ủy "
        "chọn ba mô hình sẽ nhân rộng trong năm tới."
    ),
    category="Xây dựng Đảng",
    days_ago=2,
    hour=9,
    views=214,
    blocks=(
        "Sáng thứ Bảy tuần trước, tại hội trường Ủy ban nhân dân phường, Đảng ủy phường Hòa Bình họp "
        "chuyên đề về công tác dân vận ở khu dân cư. Đồng chí Nguyễn Văn Thành, Bí thư Đảng ủy phường, "
        "chủ trì; cùng dự có Ban Thường vụ Đảng ủy, lãnh đạo Mặt trận và các đoàn thể, bí thư 18 chi bộ.",
        "Mở đầu buổi họp, đồng chí Nguyễn Văn Thành cho rằng nhiều việc khó của phường năm qua, từ mở rộng "
        "ngõ 12 đến lắp camera an ninh, đều xong nhờ người dân được hỏi ý kiến từ đầu. Đồng chí đề nghị "
        "các chi bộ nói thật cái được, cái chưa được, để cùng chọn cách làm đáng nhân rộng.",
        "Chi bộ khu dân cư số 3 kể chuyện vận động 46 hộ hiến đất mở ngõ: cán bộ đến từng nhà vào buổi "
        "tối, vẽ sẵn sơ đồ để bà con thấy lối đi mới, hộ nào khó khăn thì tổ dân phố góp công sửa lại "
        "cổng. Chi bộ khu dân cư số 5 giới thiệu nhóm Zalo của tổ dân phố, nơi mọi phản ánh được trả lời "
        "trong ngày.",
        "Các ý kiến cũng chỉ ra chỗ còn vướng: có nơi họp tổ dân phố ít người dự, thông tin đến người cao "
        "tuổi còn chậm, một số đảng viên trẻ chưa quen việc đến nhà trò chuyện với dân.",
        "Kết thúc buổi họp, đồng chí Trần Thị Hương, Phó Bí thư Thường trực Đảng ủy phường, giao mỗi chi "
        "bộ đăng ký một việc dân vận cụ thể trước ngày 15 tháng sau. Ba mô hình được chọn nhân rộng là "
        "hiến đất mở ngõ, nhóm Zalo tổ dân phố và tổ tự quản nhà văn hóa.",
    ),
    photos=(
        DemoPhoto("Đồng chí Nguyễn Văn Thành, Bí thư Đảng ủy phường, mở đầu buổi họp chuyên đề", 2),
        DemoPhoto("Bí thư Chi bộ khu dân cư số 3 kể lại cách vận động các hộ hiến đất mở ngõ", 3),
        DemoPhoto("Đại biểu dự buổi họp chuyên đề về công tác dân vận"),
    ),
)

HDND = DemoArticle(
    slug="hdnd-phuong-hoa-binh-ky-hop-thuong-le-giua-nam",
    title="Hội đồng nhân dân phường Hòa Bình tổ chức kỳ họp thường lệ giữa năm",
    summary=(
        "Kỳ họp đánh giá tình hình kinh tế - xã hội sáu tháng đầu năm, thông qua ba nghị quyết và dành "
        "nhiều thời gian trả lời những vấn đề cử tri quan tâm."
    ),
    category="Chính quyền",
    days_ago=6,
    hour=14,
    views=187,
    blocks=(
        "Vừa qua, Hội đồng nhân dân (HĐND) phường Hòa Bình tổ chức kỳ họp thường lệ giữa năm dưới sự chủ "
        "trì của đồng chí Lê Minh Quân, Chủ tịch HĐND phường. Tham dự có các đại biểu HĐND, lãnh đạo Ủy "
        "ban nhân dân (UBND), Ủy ban Mặt trận Tổ quốc phường cùng đại diện cử tri các khu dân cư.",
        "Theo báo cáo do đồng chí Phạm Thị Lan, Chủ tịch UBND phường, trình bày, sáu tháng đầu năm thu ngân "
        "sách trên địa bàn đạt hơn 58% dự toán; hầu hết hồ sơ thủ tục hành chính được giải quyết đúng hạn. "
        "Phường đã hoàn thành cải tạo hai tuyến ngõ và lắp mới hệ thống chiếu sáng tại khu dân cư số 5.",
        "Sau khi thảo luận, các đại biểu đã biểu quyết thông qua ba nghị quyết:",
        "<ul><li>Nghị quyết điều chỉnh kế hoạch đầu tư công trong năm;</li>"
        "<li>Nghị quyết về chương trình giám sát của HĐND phường năm tới;</li>"
        "<li>Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội sáu tháng cuối năm.</li></ul>",
        "Phiên chất vấn diễn ra sôi nổi, tập trung vào tình trạng lấn chiếm vỉa hè, việc thu gom rác tại "
        "các ngõ nhỏ và tiến độ sửa chữa nhà văn hóa khu dân cư số 2. Lãnh đạo UBND phường đã trả lời cụ "
        "thể, nêu rõ trách nhiệm và thời hạn khắc phục từng việc.",
        "Phát biểu bế mạc, đồng chí Lê Minh Quân đề nghị UBND phường khẩn trương cụ thể hóa các nghị quyết "
        "vừa được thông qua; các đại biểu HĐND tăng cường tiếp xúc, lắng nghe cử tri và theo dõi việc giải "
        "quyết kiến nghị đến cùng.",
    ),
    photos=(
        DemoPhoto("Đồng chí Phạm Thị Lan, Chủ tịch UBND phường, trình bày báo cáo tại kỳ họp", 2),
        DemoPhoto("Các đại biểu biểu quyết thông qua nghị quyết", 4),
    ),
)

VE_SINH = DemoArticle(
    slug="phuong-hoa-binh-ra-quan-ve-sinh-moi-truong",
    title="Phường Hòa Bình ra quân vệ sinh môi trường, xây dựng khu dân cư xanh – sạch – đẹp",
    summary=(
        "Hơn 500 cán bộ, đoàn viên và người dân đã cùng thu gom rác, khơi thông cống rãnh và trồng thêm "
        "cây xanh tại các tuyến ngõ trên địa bàn."
    ),
    category="Văn hóa - Xã hội",
    days_ago=10,
    hour=7,
    views=126,
    blocks=(
        "Sáng Chủ nhật vừa qua, Ủy ban Mặt trận Tổ quốc phường Hòa Bình phối hợp với UBND phường tổ chức "
        "lễ ra quân tổng vệ sinh môi trường. Hơn 500 cán bộ, đảng viên, đoàn viên thanh niên, hội viên các "
        "đoàn thể và người dân ở 12 khu dân cư đã tham gia.",
        "Phát biểu tại lễ ra quân, đồng chí Hoàng Thị Mai, Chủ tịch Ủy ban Mặt trận Tổ quốc phường, cho "
        "biết giữ gìn vệ sinh không phải việc riêng của chính quyền mà cần sự chung tay của từng gia đình. "
        "Mỗi hộ giữ sạch trước cửa nhà mình, bỏ rác đúng giờ, đúng nơi thì cả khu phố sẽ sạch đẹp.",
        "Ngay sau đó, các lực lượng chia thành nhiều nhóm tỏa về các tuyến ngõ, khu vực ven mương và bãi "
        "đất trống. Mọi người cùng nhặt rác, phát quang cỏ dại, nạo vét rãnh thoát nước và bóc bỏ quảng cáo "
        "dán trái phép trên cột điện. Kết thúc buổi sáng, khoảng 6 tấn rác đã được thu gom, vận chuyển đi "
        "xử lý.",
        "Tại khu dân cư số 7, bà con còn góp tiền mua cây giống, trồng mới 40 cây bóng mát và hàng hoa dọc "
        "ngõ. Ông Bùi Văn Tùng, Bí thư Chi bộ khu dân cư, chia sẻ: “Ngõ sạch thì mình ở cũng dễ chịu, con "
        "cháu đi học về có chỗ vui chơi. Bà con đã thống nhất mỗi tháng dành một buổi sáng cùng nhau dọn "
        "dẹp”.",
        "UBND phường cho biết sẽ duy trì ra quân vào sáng Chủ nhật cuối mỗi tháng, đồng thời tăng cường "
        "kiểm tra, xử lý nghiêm các trường hợp đổ rác, phế thải xây dựng không đúng nơi quy định.",
    ),
    photos=(
        DemoPhoto("Cán bộ, đoàn viên và người dân thu gom rác tại ngõ 15, khu dân cư số 4", 3, "street"),
        DemoPhoto("Người dân khu dân cư số 7 trồng cây xanh dọc ngõ", 4, "street"),
    ),
)

KET_NAP = DemoArticle(
    slug="chi-bo-khu-dan-cu-so-3-ket-nap-dang-vien-moi",
    title="Chi bộ khu dân cư số 3 phường Hòa Bình kết nạp hai đảng viên mới",
    summary=(
        "Lễ kết nạp được tổ chức trang trọng, đúng nghi thức, đánh dấu mốc quan trọng đối với hai quần "
        "chúng ưu tú là đoàn viên tích cực của khu dân cư."
    ),
    category="Xây dựng Đảng",
    days_ago=15,
    hour=19,
    views=98,
    blocks=(
        "Vừa qua, Chi bộ khu dân cư số 3 thuộc Đảng bộ phường Hòa Bình tổ chức Lễ kết nạp đảng viên mới cho "
        "hai quần chúng ưu tú là Ngô Thị Thu Trang và Đinh Văn Khánh. Dự buổi lễ có đồng chí Trần Thị Hương, "
        "Phó Bí thư Thường trực Đảng ủy phường, cùng đảng viên trong chi bộ và đại diện gia đình.",
        "Buổi lễ diễn ra trang nghiêm, đúng nghi thức. Sau phần chào cờ, đồng chí Phan Văn Hải, Bí thư Chi "
        "bộ, công bố quyết định kết nạp đảng viên của Ban Thường vụ Đảng ủy phường. Hai đảng viên mới lần "
        "lượt đọc lời tuyên thệ trước cờ Đảng, cờ Tổ quốc và ảnh Chủ tịch Hồ Chí Minh.",
        "Đồng chí Ngô Thị Thu Trang là giáo viên tiếng Anh, Phó Bí thư Chi đoàn khu dân cư; đồng chí Đinh "
        "Văn Khánh là kỹ sư xây dựng, thành viên tích cực của đội thanh niên tình nguyện phường. Cả hai đều "
        "được bà con nơi cư trú quý mến vì lối sống giản dị, nhiệt tình với công việc chung.",
        "Phát biểu tại buổi lễ, đồng chí Trần Thị Hương chúc mừng hai đảng viên mới, mong các đồng chí luôn "
        "giữ gìn phẩm chất, tư cách người đảng viên, gương mẫu trong công việc và cuộc sống. Đồng chí cũng "
        "đề nghị chi bộ phân công đảng viên có kinh nghiệm giúp đỡ để hai đồng chí sớm trở thành đảng viên "
        "chính thức.",
        "Thay mặt các đảng viên mới, đồng chí Đinh Văn Khánh bày tỏ niềm vinh dự, tự hào và hứa sẽ không "
        "ngừng học tập, rèn luyện, hoàn thành tốt nhiệm vụ được giao, xứng đáng với sự tin tưởng của chi bộ "
        "và bà con khu dân cư.",
    ),
    photos=(
        DemoPhoto("Đồng chí Phan Văn Hải, Bí thư Chi bộ, công bố quyết định kết nạp đảng viên", 2),
        DemoPhoto("Đồng chí Trần Thị Hương tặng hoa chúc mừng hai đảng viên mới", 4),
        DemoPhoto("Hai đảng viên mới chụp ảnh lưu niệm cùng chi bộ"),
    ),
)

TINH_NGUYEN = DemoArticle(
    slug="doan-phuong-hoa-binh-ra-quan-chien-dich-tinh-nguyen-he",
    title="Đoàn phường Hòa Bình ra quân Chiến dịch thanh niên tình nguyện hè",
    summary=(
        "Chiến dịch năm nay tập trung vào bảo vệ môi trường, hỗ trợ người dân sử dụng dịch vụ công trực "
        "tuyến và chăm lo cho thiếu nhi trong những tháng hè."
    ),
    category="Văn hóa - Xã hội",
    days_ago=21,
    hour=8,
    views=163,
    blocks=(
        "Vừa qua, Đoàn Thanh niên phường Hòa Bình tổ chức lễ ra quân Chiến dịch thanh niên tình nguyện hè "
        "với sự tham gia của gần 200 đoàn viên, thanh niên và học sinh, sinh viên đang nghỉ hè tại địa "
        "phương.",
        "Phát biểu tại lễ ra quân, đồng chí Đỗ Quang Huy, Bí thư Đoàn phường, cho biết chiến dịch kéo dài "
        "suốt hai tháng hè với nhiều phần việc gắn với nhu cầu thực tế của người dân. Mỗi chi đoàn khu dân "
        "cư nhận ít nhất một công trình, phần việc cụ thể và báo cáo kết quả hằng tuần.",
        "<h2>Nhiều phần việc thiết thực</h2>",
        "Hoạt động được người dân đón nhận nhiều nhất là các tổ hỗ trợ chuyển đổi số. Đoàn viên trực tại "
        "trụ sở UBND phường và nhà văn hóa các khu dân cư, hướng dẫn người cao tuổi cài đặt ứng dụng định "
        "danh điện tử, nộp hồ sơ trực tuyến và thanh toán hóa đơn điện, nước không dùng tiền mặt.",
        "Bên cạnh đó, các chi đoàn mở lớp dạy bơi miễn phí cho thiếu nhi, tổ chức sân chơi cuối tuần tại "
        "nhà văn hóa và phối hợp với nhà trường ôn tập cho học sinh có hoàn cảnh khó khăn. Các đội hình tình "
        "nguyện còn vẽ tranh tường, trồng hoa, xóa bỏ những điểm tập kết rác tự phát.",
        "Nguyễn Hoàng Anh, sinh viên năm thứ hai, lần đầu tham gia chiến dịch, cho biết em rất vui khi giúp "
        "các ông bà trong khu phố dùng điện thoại thông minh thành thạo hơn, và mong sang năm được tiếp tục "
        "góp sức.",
    ),
    photos=(
        DemoPhoto("Đồng chí Đỗ Quang Huy, Bí thư Đoàn phường, trao cờ cho các đội hình tình nguyện", 2),
        DemoPhoto("Đoàn viên hướng dẫn người cao tuổi cài đặt ứng dụng trên điện thoại", 4),
    ),
)

CHUA_CHAY = DemoArticle(
    slug="phuong-hoa-binh-dien-tap-chua-chay-cuu-nan-cuu-ho",
    title="Phường Hòa Bình diễn tập phương án chữa cháy và cứu nạn, cứu hộ tại khu dân cư",
    summary=(
        "Buổi diễn tập giúp người dân và lực lượng tại chỗ thuần thục kỹ năng xử lý khi xảy ra cháy trong "
        "khu tập thể đông người."
    ),
    category="An ninh - Trật tự",
    days_ago=28,
    hour=15,
    views=271,
    blocks=(
        "Vừa qua, UBND phường Hòa Bình phối hợp với Công an phường tổ chức diễn tập phương án chữa cháy và "
        "cứu nạn, cứu hộ tại khu tập thể thuộc khu dân cư số 9. Tham gia có Công an phường, đội dân phòng, "
        "tổ bảo vệ an ninh, trật tự ở cơ sở và đông đảo người dân sinh sống tại đây.",
        "Tình huống giả định là đám cháy phát sinh từ một căn hộ tầng ba do chập điện, khói lan nhanh ra cầu "
        "thang chung, có người mắc kẹt bên trong. Phát hiện cháy, người dân hô hoán, ngắt cầu dao điện, "
        "dùng bình chữa cháy xách tay dập lửa ban đầu và gọi số 114 báo cháy.",
        "Lực lượng tại chỗ nhanh chóng triển khai vòi chữa cháy từ họng nước của khu tập thể, hướng dẫn "
        "người dân thoát ra theo lối thoát nạn và dùng thang đưa người mắc kẹt xuống an toàn. Chỉ ít phút "
        "sau, đám cháy giả định được khống chế hoàn toàn.",
        "Nhận xét buổi diễn tập, đồng chí Vũ Đức Mạnh, Trưởng Công an phường, đánh giá các lực lượng phối "
        "hợp nhịp nhàng, xử lý đúng quy trình. Đồng chí lưu ý bà con không để xe máy, đồ đạc chắn lối đi "
        "chung, không làm lồng sắt bịt kín ban công và thường xuyên kiểm tra hệ thống điện trong nhà.",
        "Dịp này, Công an phường hướng dẫn người dân cách sử dụng bình chữa cháy, mặt nạ lọc độc và trao "
        "tặng 20 bình chữa cháy cho các hộ gia đình có hoàn cảnh khó khăn trong khu tập thể.",
    ),
    photos=(
        DemoPhoto("Lực lượng dân phòng triển khai vòi chữa cháy trong buổi diễn tập", 3, "street"),
        DemoPhoto("Đồng chí Vũ Đức Mạnh, Trưởng Công an phường, nhận xét buổi diễn tập", 4, "street"),
    ),
)

# Not yet public: a draft still being edited, and an article scheduled to go out in three days.
DRAFT = DemoArticle(
    slug="lanh-dao-ubnd-phuong-hoa-binh-tiep-cong-dan-dinh-ky",
    title="Lãnh đạo UBND phường Hòa Bình tiếp công dân định kỳ",
    summary="Sáu lượt công dân đã trình bày ý kiến về đất đai, thoát nước và tiếng ồn về đêm.",
    category="Chính quyền",
    days_ago=0,
    hour=10,
    views=0,
    blocks=(
        "Đồng chí Phạm Thị Lan, Chủ tịch UBND phường Hòa Bình, đã chủ trì buổi tiếp công dân định kỳ tại "
        "trụ sở UBND phường. Cùng dự có đại diện Ủy ban Mặt trận Tổ quốc, Công an phường và cán bộ địa chính "
        "– xây dựng.",
        "Tại buổi tiếp, sáu lượt công dân đã trình bày ý kiến về việc cấp giấy chứng nhận quyền sử dụng đất, "
        "sửa chữa đường ống thoát nước và tiếng ồn từ một số cơ sở kinh doanh về đêm.",
        "Với từng nội dung, lãnh đạo UBND phường trả lời trực tiếp những việc thuộc thẩm quyền và giao bộ "
        "phận chuyên môn kiểm tra, báo cáo kết quả trong mười ngày làm việc.",
        "Đồng chí Phạm Thị Lan đề nghị các bộ phận công khai kết quả giải quyết tại bảng tin của khu dân cư "
        "để bà con cùng theo dõi, giám sát.",
    ),
    photos=(DemoPhoto("Đồng chí Phạm Thị Lan trao đổi với công dân tại buổi tiếp", 1),),
    draft=True,
)

SCHEDULED = DemoArticle(
    slug="dang-uy-phuong-hoa-binh-phat-dong-cuoc-thi-tim-hieu-lich-su",
    title="Đảng ủy phường Hòa Bình phát động cuộc thi tìm hiểu lịch sử Đảng bộ phường",
    summary="Cuộc thi dành cho mọi người dân đang sinh sống, học tập và làm việc trên địa bàn phường.",
    category="Xây dựng Đảng",
    days_ago=-3,
    hour=7,
    views=0,
    blocks=(
        "Nhằm giáo dục truyền thống cho cán bộ, đảng viên và nhân dân, Đảng ủy phường Hòa Bình phát động "
        "cuộc thi tìm hiểu lịch sử Đảng bộ và nhân dân phường qua các thời kỳ.",
        "Người dự thi trả lời năm câu hỏi về quá trình hình thành, phát triển của Đảng bộ phường, những tấm "
        "gương tiêu biểu và đề xuất giải pháp xây dựng phường văn minh, hiện đại. Bài dự thi có thể viết tay "
        "hoặc gửi qua thư điện tử của Văn phòng Đảng ủy.",
        "Ban Tổ chức sẽ trao một giải nhất, hai giải nhì, ba giải ba và mười giải khuyến khích cho cá nhân, "
        "cùng giải tập thể cho chi bộ có nhiều bài dự thi chất lượng.",
        "Thời hạn nhận bài là hết ngày cuối cùng của tháng tới; kết quả sẽ được công bố trên cổng thông tin "
        "của phường.",
    ),
    photos=(DemoPhoto("Đồng chí Nguyễn Văn Thành, Bí thư Đảng ủy phường, phát động cuộc thi", 1),),
)

PUBLISHED = (DAN_VAN, HDND, VE_SINH, KET_NAP, TINH_NGUYEN, CHUA_CHAY)
ARTICLES = (*PUBLISHED, DRAFT, SCHEDULED)
