import HubPluginSupport
import Logging
import Testing

@Suite("LogLevelPrefix")
struct LogLevelPrefixTests {
    @Test("reads prefixes and JSON levels", arguments: [
        ("E! disk full", Logger.Level.error, "disk full"),
        ("W! slow peer", .warning, "slow peer"),
        ("I! started", .info, "started"),
        ("D! tick", .debug, "tick"),
        ("E!no space", .error, "no space"),
        ("I! ", .info, ""),
        (#"{"level":"warn","msg":"retrying"}"#, .warning, "retrying"),
        (#"{"level":"ERROR","message":"boom"}"#, .error, "boom"),
        (#"{"level":"fatal","msg":"dead"}"#, .critical, "dead"),
        ("plain text", .notice, "plain text"),
        ("X! unknown prefix", .notice, "X! unknown prefix"),
        ("E", .notice, "E"),
        (#"{"level":"loud","msg":"x"}"#, .notice, #"{"level":"loud","msg":"x"}"#),
        (#"{"msg":"no level"}"#, .notice, #"{"msg":"no level"}"#),
        ("{broken json", .notice, "{broken json"),
    ])
    func parse(line: String, level: Logger.Level, message: String) {
        let parsed = LogLevelPrefix.parse(line, defaultLevel: .notice)
        #expect(parsed.level == level)
        #expect(parsed.message == message)
    }

    @Test("level names, aliases and unknown names")
    func names() {
        #expect(LogLevelPrefix.level(named: "Trace") == .trace)
        #expect(LogLevelPrefix.level(named: "notice") == .notice)
        #expect(LogLevelPrefix.level(named: "err") == .error)
        #expect(LogLevelPrefix.level(named: "crit") == .critical)
        #expect(LogLevelPrefix.level(named: "verbose") == nil)
    }
}
