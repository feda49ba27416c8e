import Foundation
import HubCore

/// Builds the RFC 5322 / MIME bytes of an e-mail: pure, deterministic for the same input.
///
/// Structure: a lone `text/plain` part; `multipart/alternative` (text, HTML) when there is HTML; and
/// `multipart/mixed` around that when there are attachments (base64, any type, e.g. `text/calendar`).
/// Lines end in CRLF; no line exceeds 78 characters except 7-bit text lines, which stay within 998.
public enum MIMEBuilder {
    /// The longest line a 7-bit body part may have (RFC 5322 2.1.1).
    public static let maxLine = 998

    /// The message bytes; `messageID` is the full `<…@…>` value and `date` the `Date:` header.
    public static func build(_ email: EmailContent, messageID: String, date: Date) -> Data {
        let token = messageID.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(String.init).joined()
        var head = ""
        head += MIMEHeaders.field("Date", MIMEHeaders.date(date))
        head += MIMEHeaders.field("From", MIMEHeaders.address(email.from))
        head += MIMEHeaders.field("To", email.to.map(MIMEHeaders.address).joined(separator: ", "))
        head += MIMEHeaders.field("Subject", MIMEHeaders.encodedText(email.subject))
        head += MIMEHeaders.field("Message-ID", messageID)
        head += "MIME-Version: 1.0\r\n"
        let body = bodyPart(email, token: token)
        var parts: String
        if email.attachments.isEmpty {
            parts = body
        } else {
            let boundary = "=_hub_mixed_\(token)"
            parts = "Content-Type: multipart/mixed;\r\n boundary=\"\(boundary)\"\r\n\r\n"
            parts += "This is a multi-part message in MIME format.\r\n"
            parts += "--\(boundary)\r\n" + body + "\r\n"
            for attachment in email.attachments {
                parts += "--\(boundary)\r\n" + attachmentPart(attachment) + "\r\n"
            }
            parts += "--\(boundary)--\r\n"
        }
        return Data((head + parts).utf8)
    }

    /// The text part, or the text/HTML alternative.
    static func bodyPart(_ email: EmailContent, token: String) -> String {
        guard let html = email.html else { return textPart(email.text, subtype: "plain") }
        let boundary = "=_hub_alt_\(token)"
        var part = "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n\r\n"
        part += "--\(boundary)\r\n" + textPart(email.text, subtype: "plain") + "\r\n"
        part += "--\(boundary)\r\n" + textPart(html, subtype: "html") + "\r\n"
        part += "--\(boundary)--\r\n"
        return part
    }

    /// A text part: 7-bit when the text is ASCII with short lines, else base64 of its UTF-8.
    static func textPart(_ text: String, subtype: String) -> String {
        let normalised = crlf(text)
        let lines = normalised.components(separatedBy: "\r\n")
        let sevenBit = normalised.unicodeScalars.allSatisfy { $0.isASCII && ($0.value >= 0x20 || $0 == "\r" || $0 == "\n" || $0 == "\t") }
            && lines.allSatisfy { $0.utf8.count <= maxLine } && !normalised.contains("=_hub_")
        var part = "Content-Type: text/\(subtype); charset=utf-8\r\n"
        if sevenBit {
            part += "Content-Transfer-Encoding: 7bit\r\n\r\n" + normalised
            if !normalised.hasSuffix("\r\n") { part += "\r\n" }
        } else {
            part += "Content-Transfer-Encoding: base64\r\n\r\n" + base64Lines(Data(normalised.utf8))
        }
        return part
    }

    static func attachmentPart(_ attachment: EmailAttachment) -> String {
        var part = MIMEHeaders.field("Content-Type", attachment.contentType + "; " + MIMEHeaders.fileParameter("name", attachment.filename))
        part += MIMEHeaders.field("Content-Disposition", "attachment; " + MIMEHeaders.fileParameter("filename", attachment.filename))
        part += "Content-Transfer-Encoding: base64\r\n\r\n"
        part += base64Lines(attachment.data)
        return part
    }

    /// Base64 in lines of 76 characters, each ending in CRLF.
    public static func base64Lines(_ data: Data) -> String {
        let encoded = data.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return encoded.isEmpty ? "" : encoded + "\r\n"
    }

    /// Every line ending (CRLF, bare LF, bare CR) as CRLF.
    static func crlf(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
    }
}
