import HubPluginSupport
import Testing

@Suite("LineFramer")
struct LineFramerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var chunks: [[UInt8]]
        var limit = 16
        var lines: [String]
        var truncated: [Bool]? = nil
        var truncatedCount = 0
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "LF lines", chunks: [Array("a\nbb\n".utf8)], lines: ["a", "bb"]),
        Case(name: "CRLF lines", chunks: [Array("a\r\nbb\r\n".utf8)], lines: ["a", "bb"]),
        Case(name: "CR lines", chunks: [Array("a\rbb\r".utf8)], lines: ["a", "bb"]),
        Case(name: "CRLF split across reads", chunks: [Array("a\r".utf8), Array("\nb\n".utf8)], lines: ["a", "b"]),
        Case(name: "half line across reads", chunks: [Array("hel".utf8), Array("lo wo".utf8), Array("rld\n".utf8)], lines: ["hello world"]),
        Case(name: "one byte per read", chunks: Array("ab\r\ncd\n".utf8).map { [$0] }, lines: ["ab", "cd"]),
        Case(name: "empty lines are kept", chunks: [Array("\n\na\n\r\n".utf8)], lines: ["", "", "a", ""]),
        Case(name: "LF CR is two line ends", chunks: [Array("a\n\rb\n".utf8)], lines: ["a", "", "b"]),
        Case(name: "unfinished last line comes at finish", chunks: [Array("a\nlast".utf8)], lines: ["a", "last"]),
        Case(name: "no input, no lines", chunks: [], lines: []),
        Case(name: "line exactly at the limit", chunks: [Array("0123456789abcdef\n".utf8)], lines: ["0123456789abcdef"]),
        Case(
            name: "over-long line is cut and counted", chunks: [Array("0123456789abcdefXYZ\nok\n".utf8)],
            lines: ["0123456789abcdef", "ok"], truncated: [true, false], truncatedCount: 1),
        Case(
            name: "over-long line over several reads", chunks: [Array("0123456789".utf8), Array("abcdefghij".utf8), Array("klm\nok\n".utf8)],
            lines: ["0123456789abcdef", "ok"], truncated: [true, false], truncatedCount: 1),
        Case(
            name: "endless line without line end", chunks: Array(repeating: Array(repeating: UInt8(ascii: "x"), count: 1000), count: 50),
            lines: ["xxxxxxxxxxxxxxxx"], truncated: [true], truncatedCount: 1),
        Case(
            name: "binary garbage passes through as bytes", chunks: [[0x00, 0xFF, 0xFE, 0x0A, 0x1B, 0x5B, 0x0D]],
            lines: ["\u{0}\u{FFFD}\u{FFFD}", "\u{1B}["]),
        Case(
            name: "two over-long lines counted twice", chunks: [Array("aaaaaaaaaaaaaaaaaa\nbbbbbbbbbbbbbbbbbbbb\r\n".utf8)],
            lines: ["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"], truncated: [true, true], truncatedCount: 2),
    ]

    @Test("frames bytes into lines", arguments: cases)
    func framing(_ fixture: Case) {
        var framer = LineFramer(maximumLineBytes: fixture.limit)
        var lines: [LineFramer.Line] = []
        for chunk in fixture.chunks { lines += framer.append(chunk) }
        lines += framer.finish()
        #expect(lines.map(\.text) == fixture.lines)
        #expect(lines.map(\.isTruncated) == (fixture.truncated ?? fixture.lines.map { _ in false }))
        #expect(framer.truncatedLines == fixture.truncatedCount)
        #expect(framer.bufferedBytes == 0)
    }

    @Test("the buffer never holds more than the limit")
    func bounded() {
        var framer = LineFramer(maximumLineBytes: 64)
        for _ in 0..<1000 {
            _ = framer.append(repeatElement(UInt8(ascii: "z"), count: 4096))
            #expect(framer.bufferedBytes <= 64)
        }
        #expect(framer.droppedBytes == 4096 * 1000 - 64)
        #expect(framer.finish().first?.bytes.count == 64)
    }

    @Test("finish twice yields nothing the second time")
    func finishTwice() {
        var framer = LineFramer(maximumLineBytes: 8)
        _ = framer.append(Array("abc".utf8))
        #expect(framer.finish().map(\.text) == ["abc"])
        #expect(framer.finish().isEmpty)
    }

    @Test("a limit below 1 is raised to 1")
    func tinyLimit() {
        var framer = LineFramer(maximumLineBytes: 0)
        #expect(framer.append(Array("ab\n".utf8)) == [LineFramer.Line(bytes: [UInt8(ascii: "a")], isTruncated: true)])
    }
}
