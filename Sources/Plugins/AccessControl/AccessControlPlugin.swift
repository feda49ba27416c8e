import HubCore
import HubPluginSupport
import Logging

/// Kind `access_control_serial`: door-badge and time-clock stamps on a serial line (or a serial device
/// server) set presence (SPEC INT-ACS, PRES-8).
///
/// Each stamp is framed and decoded by the configured format (a preset plus overrides), its function key
/// or direction is mapped to an activity with an optional end, and its badge to a user through the
/// directory; the hub's presence engine then applies it with source `access_control`: the stamp text goes
/// into the note only if the note is empty, and at the end time presence returns to "available" unless
/// something changed it since. Bad input is counted (``statistics``) and logged at most once per 10 s per
/// kind. A port that cannot be opened or goes away is reopened with capped backoff (``link``); only
/// settings that can never work make `run` throw ``PluginError/misconfigured(_:)``.
public struct AccessControlPlugin: HubPlugin {
    /// Kind `access_control_serial`: a presence source.
    public static let descriptor = PluginDescriptor(
        kind: "access_control_serial",
        summary: "Reads door-badge and time-clock stamps from a serial port or serial device server and sets presence",
        roles: [.presenceSource],
        sampleConfig: sampleConfig
    )

    /// The settings as written.
    public let settings: Settings
    /// The settings checked and merged over the preset.
    public let configuration: AccessControlConfiguration
    private let counters = AccessControlCounters()
    private let linkBoard: LinkBoard

    /// Validates `settings` (port syntax, preset, pattern, functions …); no I/O.
    public init(settings: Settings, context: PluginContext) throws {
        self.settings = settings
        configuration = try settings.resolve()
        linkBoard = LinkBoard(LinkStatus(state: .opening, detail: "\(configuration.address)"))
    }

    /// The serial ports libserialport sees, for `hub plugins check`.
    public static func environmentReport() -> [String] { SerialPortList.lines() }

    /// Counters since the instance was created.
    public var statistics: AccessControlStatistics { counters.snapshot }

    /// The port's current state.
    public var link: LinkStatus { linkBoard.status }

    /// Reads the port until cancelled, reopening it with backoff whenever it is lost.
    public func run(context: PluginContext) async throws {
        try await PortLoop(configuration: configuration, context: context, counters: counters, link: linkBoard).run()
    }
}
