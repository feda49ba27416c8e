/// One unfolded iCalendar content line (RFC 5545 §3.1): `NAME;PARAM=a,b:value`.
public struct ICalContentLine: Sendable, Equatable {
    /// Property or keyword name, upper-cased (`DTSTART`, `BEGIN`).
    public var name: String
    /// Parameters by upper-cased name; values unquoted, in order.
    public var parameters: [String: [String]]
    /// The raw value after the first unquoted colon (still escaped for TEXT values).
    public var value: String

    /// Creates a line.
    public init(name: String, parameters: [String: [String]] = [:], value: String) {
        self.name = name
        self.parameters = parameters
        self.value = value
    }

    /// The first value of parameter `name` (upper case), if present.
    public func parameter(_ name: String) -> String? { parameters[name]?.first }

    /// Unfolds `text` (CRLF or LF followed by a space or tab continues the line) and splits it into
    /// lines; blank lines are dropped.
    public static func unfold(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var pending = ""
        var hasPending = false
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if let first = raw.first, first == " " || first == "\t" {
                pending += raw.dropFirst()
                continue
            }
            if hasPending, !pending.isEmpty { lines.append(Substring(pending)) }
            pending = String(raw)
            hasPending = true
        }
        if hasPending, !pending.isEmpty { lines.append(Substring(pending)) }
        return lines
    }

    /// Parses one unfolded line; `lineNumber` names it in errors.
    public static func parse(_ line: Substring, lineNumber: Int) throws(ICalError) -> ICalContentLine {
        var index = line.startIndex
        func isNameCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "-" || c == "_" }
        while index < line.endIndex, isNameCharacter(line[index]) { index = line.index(after: index) }
        let name = line[line.startIndex..<index].uppercased()
        guard !name.isEmpty else { throw .malformed(line: lineNumber, "no property name in '\(line.prefix(40))'") }
        var parameters: [String: [String]] = [:]
        while index < line.endIndex, line[index] == ";" {
            index = line.index(after: index)
            let nameStart = index
            while index < line.endIndex, isNameCharacter(line[index]) { index = line.index(after: index) }
            let parameterName = line[nameStart..<index].uppercased()
            guard !parameterName.isEmpty, index < line.endIndex, line[index] == "=" else {
                throw .malformed(line: lineNumber, "parameter of \(name) has no '=': '\(line.prefix(60))'")
            }
            index = line.index(after: index)
            var values: [String] = []
            repeat {
                if index < line.endIndex, line[index] == "," { index = line.index(after: index) }
                if index < line.endIndex, line[index] == "\"" {
                    let valueStart = line.index(after: index)
                    guard let close = line[valueStart...].firstIndex(of: "\"") else {
                        throw .malformed(line: lineNumber, "unterminated quote in parameter \(parameterName) of \(name)")
                    }
                    values.append(String(line[valueStart..<close]))
                    index = line.index(after: close)
                } else {
                    let valueStart = index
                    while index < line.endIndex, !";:,".contains(line[index]) { index = line.index(after: index) }
                    values.append(String(line[valueStart..<index]))
                }
            } while index < line.endIndex && line[index] == ","
            parameters[parameterName, default: []] += values
        }
        guard index < line.endIndex, line[index] == ":" else {
            throw .malformed(line: lineNumber, "property \(name) has no ':' before its value")
        }
        return ICalContentLine(name: name, parameters: parameters, value: String(line[line.index(after: index)...]))
    }
}
