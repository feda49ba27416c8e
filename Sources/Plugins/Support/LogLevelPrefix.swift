import Logging

/// Reads the log level a child process gives a line of its standard error.
///
/// Two forms are understood: Telegraf's prefixes (`E! disk full`, `W!`, `I!`, `D!`) and one JSON object
/// per line with `level` and `msg` or `message` (`{"level":"warn","msg":"retrying"}`). Other lines keep
/// the caller's default level and their text unchanged.
public enum LogLevelPrefix {
    /// The level and message of one stderr line.
    public static func parse(_ line: String, defaultLevel: Logger.Level) -> (level: Logger.Level, message: String) {
        if let (level, message) = parsePrefix(line) { return (level, message) }
        if let (level, message) = parseJSON(line) { return (level, message) }
        return (defaultLevel, line)
    }

    /// The level named `name` (`trace` … `critical`, also `warn`, `err`, `crit`, `fatal`), case-insensitive.
    public static func level(named name: String) -> Logger.Level? {
        switch name.lowercased() {
        case "trace": .trace
        case "debug": .debug
        case "info": .info
        case "notice": .notice
        case "warning", "warn": .warning
        case "error", "err": .error
        case "critical", "crit", "fatal": .critical
        default: nil
        }
    }

    private static func parsePrefix(_ line: String) -> (Logger.Level, String)? {
        let utf8 = line.utf8
        guard utf8.count >= 2, utf8.dropFirst().first == UInt8(ascii: "!") else { return nil }
        let level: Logger.Level
        switch utf8.first {
        case UInt8(ascii: "E"): level = .error
        case UInt8(ascii: "W"): level = .warning
        case UInt8(ascii: "I"): level = .info
        case UInt8(ascii: "D"): level = .debug
        default: return nil
        }
        let rest = line.dropFirst(2)
        return (level, String(rest.first == " " ? rest.dropFirst() : rest))
    }

    private static func parseJSON(_ line: String) -> (Logger.Level, String)? {
        guard line.utf8.first == UInt8(ascii: "{"),
            let object = try? JSONLines.decode(JSONValue.self, from: Array(line.utf8)),
            let levelName = object["level"]?.stringValue, let level = level(named: levelName),
            let message = (object["msg"] ?? object["message"])?.stringValue
        else { return nil }
        return (level, message)
    }
}
