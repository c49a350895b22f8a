/* The article form's photo rows (news.admin.ArticlePhotoInline), loaded by the inline's Media.

   1. A photo just chosen shows a preview before it is saved (an object URL: the admin's CSP allows
      blob: images, and this file is no inline script).
   2. "Vị trí trong bài" lists the body's blocks as staff type them in CKEditor: every row's list is
      rebuilt on the editor's change event, keeping what each row has chosen. Blocks are counted by the
      rules of news/body.py (split_blocks, outline) and named as news/admin_forms.py block_label names
      them; tests/browser/test_photo_rows.py holds the two to the same answers. */
(function () {
  "use strict";

  // news/body.py _INLINE: between blocks, a run of these and loose text is one paragraph.
  var INLINE = { A: 1, B: 1, STRONG: 1, EM: 1, I: 1, U: 1, S: 1, SUB: 1, SUP: 1, IMG: 1, BR: 1 };
  var KINDS = {
    H2: "heading", H3: "heading", H4: "heading", UL: "list", OL: "list", TABLE: "table",
    BLOCKQUOTE: "quote", FIGURE: "figure", HR: "rule"
  };
  var KIND_LABELS = {
    heading: "tiêu đề", list: "danh sách", table: "bảng", quote: "trích dẫn", figure: "ảnh",
    image: "ảnh", rule: "đường kẻ ngang"
  };
  var OPENING_WORDS = 8;
  var OPENING_CHARS = 60;
  var START_LABEL = "Đầu bài";
  var END_LABEL = "Cuối bài";

  // news/body.py _BREAK: tags that end a line of text, so that a list reads "Một Hai", not "MộtHai".
  var BREAK = /<\/?(?:p|br|h[1-6]|li|ul|ol|tr|td|th|table|thead|tbody|tfoot|caption|blockquote|figure|figcaption)\b[^>]*>/gi;
  var decoder = document.createElement("textarea");

  // The words of markup, as news.body.outline reads them: tags dropped, character references decoded.
  function wordsOf(markup) {
    decoder.innerHTML = markup.replace(BREAK, " ").replace(/<[^>]*>/g, "");
    return decoder.value;
  }

  function markupOf(node) {
    if (node.nodeType === Node.TEXT_NODE) {
      return node.data.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    }
    return node.outerHTML;
  }

  function hasImage(node) {
    return node.nodeName === "IMG" || (node.querySelector && node.querySelector("img") !== null);
  }

  function describe(kind, text) {
    var words = text.normalize("NFC").split(/\s+/).filter(Boolean);
    var opening = words.slice(0, OPENING_WORDS).join(" ");
    if (words.length > OPENING_WORDS || opening.length > OPENING_CHARS) {
      opening = opening.slice(0, OPENING_CHARS).replace(/\s+$/, "") + "…";
    }
    if (!opening && kind === "paragraph") {
      kind = "image";
    }
    return { kind: kind, opening: opening };
  }

  // The body's top-level blocks as [{kind, opening}], as news.body.outline gives them.
  function outline(markup) {
    var template = document.createElement("template");
    template.innerHTML = markup; // a template's content is inert: no script runs, no image loads
    var blocks = [];
    var loose = [];

    function closeLoose() {
      var text = loose.map(function (node) { return node.textContent; }).join("");
      if (text.trim() || loose.some(hasImage)) {
        blocks.push(describe("paragraph", wordsOf(loose.map(markupOf).join(""))));
      }
      loose = [];
    }

    template.content.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        loose.push(node);
      } else if (node.nodeType !== Node.ELEMENT_NODE) {
        return; // comments
      } else if (node.nodeName === "BR") {
        closeLoose(); // a line break between runs of text separates paragraphs
      } else if (INLINE[node.nodeName]) {
        loose.push(node);
      } else {
        closeLoose();
        // A blank line (<p>&nbsp;</p>) is no paragraph; a rule is one.
        if (node.textContent.trim() || hasImage(node) || node.nodeName === "HR") {
          blocks.push(describe(KINDS[node.nodeName] || "paragraph", wordsOf(node.outerHTML)));
        }
      }
    });
    closeLoose();
    return blocks;
  }

  function blockLabel(number, block) {
    var kind = KIND_LABELS[block.kind] ? " (" + KIND_LABELS[block.kind] + ")" : "";
    var label = "Sau đoạn " + number + kind;
    return block.opening ? label + ": «" + block.opening + "»" : label;
  }

  function missingLabel(number) {
    return "Sau đoạn " + number + " (bài không có đoạn này: ảnh ở cuối bài)";
  }

  function rebuild(select, places) {
    var chosen = select.value;
    var choices = [["0", START_LABEL]].concat(places);
    var offered = choices.some(function (choice) { return choice[0] === chosen; });
    if (/^\d+$/.test(chosen) && !offered) {
      choices.push([chosen, missingLabel(parseInt(chosen, 10))]);
    }
    choices.push(["", END_LABEL]);
    var same = select.options.length === choices.length && choices.every(function (choice, i) {
      return select.options[i].value === choice[0] && select.options[i].text === choice[1];
    });
    if (same) {
      return; // no flicker for a phone's screen reader on every keystroke
    }
    select.replaceChildren.apply(select, choices.map(function (choice) {
      // Selected as an attribute too: the admin's "Thêm" clones the template row, and a clone keeps
      // only the attribute (without it a new row would say "Đầu bài" instead of "Cuối bài").
      var isChosen = choice[0] === chosen;
      return new Option(choice[1], choice[0], isChosen, isChosen);
    }));
    select.value = chosen;
  }

  function rebuildAll(markup) {
    var places = outline(markup).map(function (block, index) {
      return [String(index + 1), blockLabel(index + 1, block)];
    });
    // The hidden template row (#photos-empty) too: the admin's "Thêm" clones it.
    document.querySelectorAll("select.photo-position").forEach(function (select) {
      rebuild(select, places);
    });
  }

  function watch(editor) {
    if (editor.name !== "id_body" || editor.photoRowsWatched) {
      return;
    }
    editor.photoRowsWatched = true;
    var timer = null;
    editor.on("change", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { rebuildAll(editor.getData()); }, 200);
    });
    rebuildAll(editor.getData());
  }

  function showPreview(input) {
    var box = input.closest(".photo-choice") || input.parentNode;
    var preview = box.querySelector("img.photo-new-preview");
    if (preview) {
      URL.revokeObjectURL(preview.src);
      preview.remove();
    }
    var kept = box.querySelector(".photo-kept");
    var file = input.files && input.files[0];
    if (kept) {
      // The server takes a new file over the kept one; say so rather than show both as chosen.
      kept.classList.toggle("photo-kept-replaced", Boolean(file));
    }
    if (!file) {
      return;
    }
    preview = document.createElement("img");
    preview.className = "photo-preview photo-new-preview";
    preview.alt = "Ảnh vừa chọn: " + file.name;
    // A HEIC photo does not show in most browsers; the server names what is wrong with it.
    preview.addEventListener("error", function () { preview.hidden = true; });
    preview.src = URL.createObjectURL(file);
    box.appendChild(preview);
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.matches && input.matches('.inline-group input[type="file"]')) {
      showPreview(input);
    }
  });

  var hooked = false;
  function hookEditor() {
    if (hooked || !window.CKEDITOR) {
      return; // no editor: a locked article's body is shown read-only, the server's lists stand
    }
    hooked = true;
    window.CKEDITOR.on("instanceReady", function (event) { watch(event.editor); });
    var editor = window.CKEDITOR.instances.id_body;
    if (editor && editor.status === "ready") {
      watch(editor);
    }
  }
  hookEditor();
  document.addEventListener("DOMContentLoaded", hookEditor);
})();
