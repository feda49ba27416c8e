import SMSHTTPPlugin
import Testing

@Suite("SMSHTTP templates and escaping")
struct MessageTemplateTests {
    @Test("placeholders are {identifier}; other braces stay literal", arguments: [
        ("{to}", ["to"]),
        (#"{"to": ["{to}"], "body": "{text}"}"#, ["to", "text"]),
        ("{}{ to}{9a}{a-b}{_x1}", ["_x1"]),
        ("https://{region}.api/{service_plan_id}/batches?x={", ["region", "service_plan_id"]),
        ("no placeholders", []),
    ])
    func parsing(source: String, names: [String]) {
        let template = MessageTemplate(source)
        #expect(template.placeholders == Set(names))
        #expect(template.description == source)
    }

    @Test("values are escaped for where they land", arguments: [
        (TemplateEscaping.url, "a b/ä&=?+", "a%20b%2F%C3%A4%26%3D%3F%2B"),
        (.form, "Hej då & 100%", "Hej%20d%C3%A5%20%26%20100%25"),
        (.json, "say \"hi\"\\\n\t\u{01}€", #"say \"hi\"\\\n\t\u0001€"#),
        (.json, "line\u{2028}sep", #"line\u2028sep"#),
        (.header, "Bearer abc", "Bearer abc"),
        (.text, "x\ny", "x\ny"),
    ])
    func escaping(context: TemplateEscaping, value: String, expected: String) throws {
        #expect(try MessageTemplate("[{v}]").render(["v": value], for: context) == "[\(expected)]")
    }

    @Test("a line break in a header value and a missing value are errors naming the placeholder")
    func errors() {
        #expect(throws: TemplateError.unsafeValue(placeholder: "v", reason: "contains a line break or NUL, not allowed in a header")) {
            try MessageTemplate("{v}").render(["v": "a\r\nX-Evil: 1"], for: .header)
        }
        #expect(throws: TemplateError.missingValue("w")) { try MessageTemplate("{v}{w}").render(["v": "a"], for: .text) }
    }

    @Test("form coding round-trips and reads + as space and bad escapes literally", arguments: [
        ("a=1&b=h%C3%A4j+d%C3%A5&c=&d", [("a", "1"), ("b", "häj då"), ("c", ""), ("d", "")]),
        ("x=%ZZ%4&y=%e4", [("x", "%ZZ%4"), ("y", "ä")]),
    ])
    func formDecoding(text: String, fields: [(String, String)]) {
        let decoded = FormCoding.decode(Substring(text))
        #expect(decoded.map(\.name) == fields.map(\.0))
        #expect(decoded.map(\.value) == fields.map(\.1))
    }

    @Test("encode then decode gives the same fields")
    func roundTrip() {
        let fields = [("text", "Tila: Sisällä € & = + % 你好"), ("to", "+358 40")]
        let decoded = FormCoding.decode(Substring(FormCoding.encode(fields)))
        #expect(decoded.map(\.value) == fields.map(\.1))
    }
}
