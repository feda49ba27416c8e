/// One iCalendar component (`VCALENDAR`, `VEVENT`, `VTIMEZONE` …) with its properties and children.
public struct ICalComponent: Sendable, Equatable {
    /// Component name, upper-cased.
    public var name: String
    /// Properties in file order.
    public var properties: [ICalContentLine]
    /// Nested components in file order.
    public var components: [ICalComponent]

    /// Creates a component.
    public init(name: String, properties: [ICalContentLine] = [], components: [ICalComponent] = []) {
        self.name = name
        self.properties = properties
        self.components = components
    }

    /// The first property named `name` (upper case).
    public func property(_ name: String) -> ICalContentLine? { properties.first { $0.name == name } }

    /// Every property named `name` (upper case).
    public func properties(_ name: String) -> [ICalContentLine] { properties.filter { $0.name == name } }

    /// Child components named `name` (upper case).
    public func components(_ name: String) -> [ICalComponent] { components.filter { $0.name == name } }

    /// Parses a whole iCalendar stream; returns its top-level components (normally one `VCALENDAR`).
    ///
    /// Nesting is checked (`END` must close the innermost `BEGIN`); properties outside any component
    /// are an error.
    public static func parse(_ text: String) throws(ICalError) -> [ICalComponent] {
        var stack: [ICalComponent] = []
        var roots: [ICalComponent] = []
        for (offset, raw) in ICalContentLine.unfold(text).enumerated() {
            let line = try ICalContentLine.parse(raw, lineNumber: offset + 1)
            switch line.name {
            case "BEGIN":
                stack.append(ICalComponent(name: line.value.uppercased()))
            case "END":
                guard let open = stack.popLast() else {
                    throw .malformed(line: offset + 1, "END:\(line.value) without BEGIN")
                }
                guard open.name == line.value.uppercased() else {
                    throw .malformed(line: offset + 1, "END:\(line.value) closes BEGIN:\(open.name)")
                }
                if stack.isEmpty { roots.append(open) } else { stack[stack.count - 1].components.append(open) }
            default:
                guard !stack.isEmpty else {
                    throw .malformed(line: offset + 1, "property \(line.name) outside any component")
                }
                stack[stack.count - 1].properties.append(line)
            }
        }
        if let open = stack.last { throw .malformed(line: 0, "BEGIN:\(open.name) is never closed") }
        return roots
    }
}
