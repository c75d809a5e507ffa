//! The names and type labels the widget gives attachments come from the attachment's id and its
//! declared type alone, and a type only lends a short alphanumeric extension: nothing a sender
//! writes in a type (`application/../../x`) reaches a file name.

use protocol::Attachment;

/// The saved file's name: the attachment's id and its type's usual extension.
pub fn file_name(attachment: &Attachment) -> String {
    match extension(&attachment.mime_type) {
        Some(extension) => format!("attachment-{}.{extension}", attachment.id),
        None => format!("attachment-{}", attachment.id),
    }
}

/// The usual extension of a file type (`pdf`, `docx`), if it has a short one.
pub fn extension(mime_type: &str) -> Option<String> {
    let mime = mime_type.split(';').next()?.trim().to_ascii_lowercase();
    let (kind, subtype) = mime.split_once('/')?;
    let usual = match (kind, subtype) {
        (_, "jpeg") => "jpg",
        (_, "plain") => "txt",
        (_, "quicktime") => "mov",
        (_, "svg+xml") => "svg",
        ("audio", "mpeg") => "mp3",
        (_, "msword") => "doc",
        (_, "vnd.ms-excel") => "xls",
        (_, "vnd.openxmlformats-officedocument.wordprocessingml.document") => "docx",
        (_, "vnd.openxmlformats-officedocument.spreadsheetml.sheet") => "xlsx",
        (_, "vnd.openxmlformats-officedocument.presentationml.presentation") => "pptx",
        (_, "x-zip-compressed") => "zip",
        (_, other) => other,
    };
    let short = !usual.is_empty() && usual.len() <= 5;
    (short && usual.chars().all(|c| c.is_ascii_alphanumeric())).then(|| usual.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(id: i64, mime_type: &str) -> Attachment {
        Attachment {
            id,
            mime_type: mime_type.into(),
            size: 1,
        }
    }

    #[test]
    fn a_saved_file_is_named_after_its_id_and_usual_extension() {
        assert_eq!(file_name(&file(7, "application/pdf")), "attachment-7.pdf");
        assert_eq!(file_name(&file(8, "image/svg+xml")), "attachment-8.svg");
        assert_eq!(
            file_name(&file(
                9,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            )),
            "attachment-9.docx"
        );
        assert_eq!(
            file_name(&file(10, "Text/Plain; charset=utf-8")),
            "attachment-10.txt"
        );
        assert_eq!(
            file_name(&file(11, "application/octet-stream")),
            "attachment-11"
        );
        assert_eq!(file_name(&file(12, "not a type")), "attachment-12");
        assert_eq!(file_name(&file(13, "application/../../x")), "attachment-13");
    }
}
