/* CKEditor 4's Vietnamese (lang/vi.js) leaves labels in English ("Heading 2", "Display Text", the
   paste notice) and words others oddly ("Bỏ qua" for Cancel, "Chú thích ảnh" for the alternative text,
   which staff took for the caption). These replace them for every editor, before its plugins start
   (the Format list reads editor.lang.format when it opens). Loaded after ckeditor.js by
   news.editor.ArticleBodyWidget. */
(function () {
  "use strict";
  var LABELS = {
    common: {
      browseServer: "Chọn ảnh đã tải lên",
      url: "Địa chỉ (URL)",
      cancel: "Hủy",
      generalTab: "Chung",
      advancedTab: "Nâng cao",
      notSet: "<không chọn>",
    },
    format: { panelTitle: "Kiểu đoạn" },
    image: {
      alt: "Mô tả ảnh (cho người không xem được ảnh)",
      infoTab: "Ảnh",
      linkTab: "Liên kết",
    },
    link: {
      displayText: "Chữ hiển thị",
      toUrl: "Địa chỉ web (URL)",
      toPhone: "Số điện thoại",
      phoneNumber: "Số điện thoại",
      noTel: "Xin nhập số điện thoại",
      download: "Tải tệp về máy",
    },
    clipboard: {
      pasteNotification:
        "Bấm %1 để dán. Trình duyệt không cho dán bằng nút trên thanh công cụ hay trình đơn chuột phải.",
      pasteMsg: "Dán nội dung vào ô dưới đây rồi bấm Đồng ý.",
      fileFormatNotSupportedNotification: "Không dán được tệp dạng ${formats}.",
      fileWithoutFormatNotSupportedNotification: "Không dán được tệp dạng này.",
    },
    pastetext: {
      pasteNotification:
        "Bấm %1 để dán. Trình duyệt không cho dán bằng nút trên thanh công cụ hay trình đơn chuột phải.",
    },
    table: {
      heightUnit: "đơn vị chiều cao",
      cell: { columnHeader: "Tiêu đề cột", rowHeader: "Tiêu đề hàng" },
    },
    list: { bulletedlist: "Danh sách gạch đầu dòng", numberedlist: "Danh sách đánh số" },
    undo: { undo: "Hoàn tác" },
    // The uploader answers 403 to a request not sent from our pages, or from an account without the
    // right to upload (news/editor_uploads.py); CKEditor shows this line for it, not the answer's text.
    filetools: {
      httpError403:
        "Không tải ảnh lên được: tài khoản này không được tải ảnh, hoặc yêu cầu không đến từ trang soạn bài" +
        " của cổng tin. Xin tải lại trang quản trị rồi thử lại.",
    },
    notification: { closed: "Đã đóng thông báo." },
    toolbar: { toolbarExpand: "Mở rộng thanh công cụ" },
    editorPanel: "Thanh công cụ soạn thảo",
  };

  function merge(target, labels) {
    var copy = Object.assign({}, target);
    Object.keys(labels).forEach(function (key) {
      var value = labels[key];
      copy[key] = typeof value === "object" ? merge(target[key] || {}, value) : value;
    });
    return copy;
  }

  CKEDITOR.on("instanceCreated", function (event) {
    event.editor.on("langLoaded", function () {
      var lang = this.lang;
      var config = this.config;
      Object.keys(LABELS).forEach(function (key) {
        var value = LABELS[key];
        lang[key] = typeof value === "object" ? merge(lang[key] || {}, value) : value;
      });
      // The Format list's names are in the settings (CKEDITOR_CONFIGS), as each style's "name".
      config.format_tags.split(";").forEach(function (tag) {
        var style = config["format_" + tag];
        if (style && style.name) {
          lang.format["tag_" + tag] = style.name;
        }
      });
    });
  });
})();
