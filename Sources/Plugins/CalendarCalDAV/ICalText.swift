/// TEXT value escaping (RFC 5545 §3.3.11): `\\`, `\;`, `\,`, `\n`/`\N`.
public enum ICalText {
    /// The text of an escaped TEXT value.
    public static func unescape(_ value: Substring) -> String {
        var result = ""
        result.reserveCapacity(value.count)
        var escaped = false
        for character in value {
            if escaped {
                switch character {
                case "n", "N": result.append("\n")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        if escaped { result.append("\\") }
        return result
    }

    /// Splits a multi-valued TEXT property (`CATEGORIES:a,b\,c`) at unescaped commas, then unescapes each.
    public static func list(_ value: String) -> [String] {
        var items: [String] = []
        var start = value.startIndex
        var index = value.startIndex
        var escaped = false
        while index < value.endIndex {
            let character = value[index]
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "," {
                items.append(unescape(value[start..<index]))
                start = value.index(after: index)
            }
            index = value.index(after: index)
        }
        items.append(unescape(value[start...]))
        return items
    }
}
