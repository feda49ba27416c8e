import Foundation
import HubCore
import MailPlugin
import Testing

@Suite("MIME builder")
struct MIMEBuilderTests {
    static let date = Date(timeIntervalSince1970: 1_795_132_800 + 3_723) // 2026-11-20T01:02:03Z, a Friday
    static let id = "<0f1e2d3c-aaaa-bbbb-cccc-123456789abc@hub.example>"

    static func text(_ email: EmailContent) -> String {
        String(decoding: MIMEBuilder.build(email, messageID: id, date: date), as: UTF8.self)
    }

    @Test("a plain ASCII e-mail is exactly these bytes")
    func plainBytes() {
        let email = EmailContent(from: "Hub <hub@acme.example>", to: ["anna@acme.example", "Bertil L <bertil@acme.example>"],
                                 subject: "Missed call", text: "You missed a call from +358401234567.\nCall back?")
        #expect(Self.text(email) == """
            Date: Fri, 20 Nov 2026 01:02:03 +0000\r
            From: Hub <hub@acme.example>\r
            To: anna@acme.example, Bertil L <bertil@acme.example>\r
            Subject: Missed call\r
            Message-ID: <0f1e2d3c-aaaa-bbbb-cccc-123456789abc@hub.example>\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: 7bit\r
            \r
            You missed a call from +358401234567.\r
            Call back?\r

            """)
    }

    @Test("UTF-8 subject and display name become RFC 2047 words split between characters, at most 75 characters each")
    func encodedWords() {
        let subject = "Neuvottelu: Åke Söderström – kvartaalikatsaus ja budjetti 2027 🙂"
        let email = EmailContent(from: "Hub Äänet <hub@acme.example>", to: ["a@acme.example"], subject: subject, text: "x")
        let text = Self.text(email)
        #expect(text.contains("From: =?UTF-8?B?SHViIMOEw6RuZXQ=?= <hub@acme.example>\r\n"))
        let header = text.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject:") }
        let lines = [header.first ?? ""] + header.dropFirst().prefix { $0.hasPrefix(" ") }
        let words = lines.joined().dropFirst("Subject:".count).split(separator: " ")
        #expect(words.count >= 2)
        var decoded = Data()
        for word in words {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let payload = word.dropFirst(10).dropLast(2)
            let bytes = Data(base64Encoded: String(payload)) ?? Data()
            // Each word decodes on its own to valid UTF-8: no character is split between words.
            #expect(String(data: bytes, encoding: .utf8) != nil)
            decoded += bytes
        }
        #expect(String(decoding: decoded, as: UTF8.self) == subject)
        for line in lines { #expect(line.utf8.count <= 78, "header line too long: \(line)") }
    }

    @Test("HTML and attachments: multipart/mixed around multipart/alternative, base64 attachments incl. text/calendar")
    func multipartStructure() throws {
        let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:conf-1\r\nSUMMARY:Weekly\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let pdf = Data((0..<200).map { UInt8($0) })
        let email = EmailContent(
            from: "hub@acme.example", to: ["anna@acme.example"], subject: "Invitation", text: "Plain text",
            html: "<p>Hyvää päivää</p>",
            attachments: [
                EmailAttachment(filename: "invite.ics", contentType: "text/calendar; method=REQUEST; charset=utf-8", data: Data(ics.utf8)),
                EmailAttachment(filename: "agenda ä.pdf", contentType: "application/pdf", data: pdf),
            ])
        let text = Self.text(email)
        let token = "0f1e2d3caaaabbbbcccc123456789abchubexample"
        let expectedTail = """
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed;\r
             boundary="=_hub_mixed_\(token)"\r
            \r
            This is a multi-part message in MIME format.\r
            --=_hub_mixed_\(token)\r
            Content-Type: multipart/alternative;\r
             boundary="=_hub_alt_\(token)"\r
            \r
            --=_hub_alt_\(token)\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: 7bit\r
            \r
            Plain text\r
            \r
            --=_hub_alt_\(token)\r
            Content-Type: text/html; charset=utf-8\r
            Content-Transfer-Encoding: base64\r
            \r
            \(Data("<p>Hyvää päivää</p>".utf8).base64EncodedString())\r
            \r
            --=_hub_alt_\(token)--\r
            \r
            --=_hub_mixed_\(token)\r
            Content-Type: text/calendar; method=REQUEST; charset=utf-8; name="invite.ics"\r
            Content-Disposition: attachment; filename="invite.ics"\r
            Content-Transfer-Encoding: base64\r
            \r
            \(MIMEBuilder.base64Lines(Data(ics.utf8)))\r
            --=_hub_mixed_\(token)\r
            Content-Type: application/pdf; name*=utf-8''agenda%20%C3%A4.pdf\r
            Content-Disposition: attachment; filename*=utf-8''agenda%20%C3%A4.pdf\r
            Content-Transfer-Encoding: base64\r
            \r
            \(MIMEBuilder.base64Lines(pdf))\r
            --=_hub_mixed_\(token)--\r

            """
        #expect(text.hasSuffix(expectedTail), "got:\n\(text)")
    }

    @Test("every line ends in CRLF; base64 lines are 76 characters; long or non-ASCII text goes base64")
    func lineRules() {
        let long = String(repeating: "word ", count: 300) // one 1,500-character line
        let email = EmailContent(from: "hub@acme.example", to: ["a@acme.example"], subject: "Long", text: long + "\nend",
                                 attachments: [EmailAttachment(filename: "a.bin", contentType: "application/octet-stream", data: Data(count: 1000))])
        let bytes = MIMEBuilder.build(email, messageID: Self.id, date: Self.date)
        let text = String(decoding: bytes, as: UTF8.self)
        // No bare LF and no bare CR anywhere.
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78, "line of \(line.utf8.count)") }
        #expect(text.contains("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n"))
        let body = Data((long + "\r\nend").utf8).base64EncodedString()
        #expect(text.replacingOccurrences(of: "\r\n", with: "").contains(body))
    }

    @Test("line ends in the text (LF, CR, CRLF) all become CRLF", arguments: ["a\nb", "a\rb", "a\r\nb"])
    func normalisesLineEnds(_ input: String) {
        let email = EmailContent(from: "h@a.example", to: ["a@a.example"], subject: "s", text: input)
        #expect(Self.text(email).hasSuffix("\r\n\r\na\r\nb\r\n"))
    }

    @Test("display names with specials are quoted; bare addresses are taken out of Name <addr>")
    func addresses() {
        #expect(MIMEHeaders.address("Virtanen, Anna <anna@acme.example>") == "\"Virtanen, Anna\" <anna@acme.example>")
        #expect(MIMEHeaders.address("anna@acme.example") == "anna@acme.example")
        #expect(MIMEHeaders.bareAddress("Anna <anna@acme.example>") == "anna@acme.example")
        #expect(MIMEHeaders.date(Date(timeIntervalSince1970: 0)) == "Thu, 1 Jan 1970 00:00:00 +0000")
    }
}
