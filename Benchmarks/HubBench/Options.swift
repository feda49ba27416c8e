import Foundation

/// What to run, parsed from `HubBench [all|presence|search|stream|memory] [--hub PATH] [--quick]`.
struct Options: Sendable {
    enum Suite: String, CaseIterable, Sendable {
        case all, presence, search, stream, memory
    }

    var suite: Suite = .all
    /// The hub binary started by the stream and memory benchmarks.
    var hubPath: String = Options.defaultHubPath
    /// Smaller counts, for a smoke run.
    var quick = false

    static let usage = """
        usage: HubBench [all|presence|search|stream|memory] [--hub PATH] [--quick]

          all        every benchmark (default)
          presence   in-core presence changes per second (PresenceEngine.handle)
          search     directory search latency over 10,000 users
          stream     PATCH -> WebSocket delivery latency to 1,000 subscribers (starts the hub)
          memory     resident memory of a hub with 10,000 users, idle and with 1,000 subscribers
          --hub PATH hub binary (default: the hub next to HubBench, i.e. .build/release/hub)
          --quick    smaller counts, for a smoke run
        """

    /// Parses the arguments after the program name.
    static func parse(_ arguments: [String]) -> Result<Options, OptionsError> {
        var options = Options()
        var remaining = arguments[...]
        var suiteGiven = false
        while let argument = remaining.popFirst() {
            switch argument {
            case "--quick":
                options.quick = true
            case "--hub":
                guard let path = remaining.popFirst() else { return .failure(OptionsError("--hub needs a path")) }
                options.hubPath = path
            case "-h", "--help", "help":
                return .failure(OptionsError(nil))
            default:
                guard !suiteGiven, let suite = Suite(rawValue: argument) else {
                    return .failure(OptionsError("unexpected argument '\(argument)'"))
                }
                options.suite = suite
                suiteGiven = true
            }
        }
        return .success(options)
    }

    /// The `hub` built next to this executable (`.build/release/hub` for a release build).
    static var defaultHubPath: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("hub").path
    }

    /// Whether `suite` is selected.
    func runs(_ suite: Suite) -> Bool { self.suite == .all || self.suite == suite }
}

/// A command line HubBench does not understand (nil message: help was asked for).
struct OptionsError: Error {
    var message: String?
    init(_ message: String?) { self.message = message }
}
