import Foundation

/// What to run, parsed from `HubBench [suite] [--hub PATH] [--quick]` (suites: `Suite` below).
struct Options: Sendable {
    enum Suite: String, CaseIterable, Sendable {
        case all, presence, search, stream, memory, timecontrol, outbox, access, smpp, http, routing, caldav
        case smsHTTP = "sms-http"
        case calendarFixtures = "calendar-fixtures"
    }

    var suite: Suite = .all
    /// The hub binary started by the stream and memory benchmarks.
    var hubPath: String = Options.defaultHubPath
    /// Smaller counts, for a smoke run.
    var quick = false

    static let usage = """
        usage: HubBench [all|presence|search|stream|memory|timecontrol|outbox|access|smpp|http|routing|caldav|sms-http|calendar-fixtures] [--hub PATH] [--quick]

          all        every benchmark (default)
          presence   in-core presence changes per second (PresenceEngine.handle)
          search     directory search latency over 10,000 users
          stream     PATCH -> WebSocket delivery latency to 1,000 subscribers (starts the hub)
          memory     resident memory of a hub with 10,000 users, idle and with 1,000 subscribers
          timecontrol Schedule.state/nextChange and QueueStatistics.record/figures throughput
          outbox     e-mail accept rate through the API and e-mails/s to an SMTP server (starts the hub, needs aiosmtpd)
          access     access-control stamps decoded/s per preset; PTY write -> presence event p50/p99 (starts the hub, needs socat)
          smpp       SMS/s submitted by sms_smpp to the Net::SMPP simulator, window 1 and 10; SMSEncoding.plan throughput (needs libnet-smpp-perl)
          http       CurlHTTPClient requests/s and p50/p99 to a loopback server, 1/16/64 in flight (NIO client as baseline)
          caldav     iCalendar parse+expand objects/s; CalDAV users synced/min against Radicale, full and incremental (needs radicale)
          routing    RoutingEngine decisions/s, latency and memory per waiting caller, 10 → 1,000 queues × 100 agents
          sms-http   SMS/s through sms_kannel to Kannel+fakesmsc and sms_http to a provider fixture, 1 and 8 in flight (needs kannel)
          calendar-fixtures  EWS/Graph/Domino adapters: users synced/min, CPU and memory per 1,000 users, against a loopback fixture server
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
