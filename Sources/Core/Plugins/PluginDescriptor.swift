/// What the hub knows about a plugin kind without creating an instance.
public struct PluginDescriptor: Sendable, Equatable, Codable {
    /// The kind id in snake_case, used as `plugin = "…"` in instance files.
    public var kind: String
    /// One sentence saying what the kind connects.
    public var summary: String
    /// The roles the kind plays.
    public var roles: Set<PluginRole>
    /// The commented sample instance file, shipped as `plugins.d/<kind>.toml.sample`.
    public var sampleConfig: String
    /// The channels a message gateway delivers; the outbox hands its instances only these messages.
    public var messageChannels: Set<MessageChannel>

    /// Describes a plugin kind; see ``problems`` for format errors.
    public init(kind: String, summary: String, roles: Set<PluginRole>, sampleConfig: String, messageChannels: Set<MessageChannel> = []) {
        self.kind = kind
        self.summary = summary
        self.roles = roles
        self.sampleConfig = sampleConfig
        self.messageChannels = messageChannels
    }

    /// Problems with the descriptor itself (kind format, empty summary, no roles).
    public var problems: [String] {
        var problems: [String] = []
        let bytes = Array(kind.utf8)
        let snake = !bytes.isEmpty && bytes.first.map { (0x61...0x7A).contains($0) } == true
            && bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
        if !snake { problems.append("kind '\(kind)' is not snake_case") }
        if summary.isEmpty { problems.append("summary is empty") }
        if roles.isEmpty { problems.append("no roles") }
        if roles.contains(.messageGateway) != !messageChannels.isEmpty {
            problems.append("a message gateway names its message channels, and only a message gateway does")
        }
        if !sampleConfig.contains("plugin = \"\(kind)\"") { problems.append("sample config does not name plugin = \"\(kind)\"") }
        return problems
    }
}

/// A role a plugin plays for the hub.
public enum PluginRole: String, Codable, Sendable, CaseIterable, Hashable {
    /// Emits presence changes (access control, calendars, SIP registrations).
    case presenceSource = "presence_source"
    /// Receives hub events (presence changes) to act on them.
    case eventObserver = "event_observer"
    /// Delivers SMS or e-mail.
    case messageGateway = "message_gateway"
    /// Offers calls to the engine and executes ring/cancel/bridge/divert.
    case callFrontEnd = "call_front_end"
    /// Hands a call and its data to a contact centre or switchboard service.
    case callHandoff = "call_handoff"
    /// Supplies users and fields (LDAP).
    case directorySource = "directory_source"
}
