import Foundation
import NIOCore
import NIOPosix

// HubBench: prints benchmark figures for the hub (never asserts). See docs/benchmarks.md.

let options: Options
switch Options.parse(Array(CommandLine.arguments.dropFirst())) {
case let .success(parsed):
    options = parsed
case let .failure(error):
    if let message = error.message { Console.error(message) }
    Console.print(Options.usage)
    exit(error.message == nil ? 0 : 2)
}

let usesHub = options.runs(.stream) || options.runs(.memory)
Machine.current().print(extra: usesHub ? [("hub binary", options.hubPath)] : [])
let started = Monotonic.now()

if options.runs(.presence) {
    Console.progress("presence: PresenceEngine.handle vs Dictionary assignment")
    let cpu = CPUUsage()
    var table = PresenceBench(quick: options.quick).run()
    table.note("CPU during this benchmark: " + cpu.finish().summary)
    table.print()
}
if options.runs(.search) {
    Console.progress("search: generating 10,000 users, DirectoryIndex vs naive scan")
    let cpu = CPUUsage()
    var table = SearchBench(quick: options.quick).run()
    table.note("CPU during this benchmark: " + cpu.finish().summary)
    table.print()
}
if options.runs(.timecontrol) {
    Console.progress("timecontrol: Schedule.state/nextChange, QueueStatistics.record/figures")
    let cpu = CPUUsage()
    var table = TimeControlBench(quick: options.quick).run()
    table.note("CPU during this benchmark: " + cpu.finish().summary)
    table.print()
}
if usesHub {
    let openFiles = ResourceLimits.raiseOpenFiles(to: 8_192)
    Console.progress("hub: open-file limit (soft) \(openFiles); seeding and starting \(options.hubPath)")
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
    do {
        try await HubSuite(options: options, group: group).run()
    } catch {
        Console.error("\(error)")
        try? await group.shutdownGracefully()
        exit(1)
    }
    try? await group.shutdownGracefully()
}
if options.runs(.outbox) {
    Console.progress("outbox: accept rate through the API, e-mails per second to aiosmtpd")
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
    let cpu = CPUUsage()
    do {
        var table = try await OutboxBench(hubPath: options.hubPath, group: group, quick: options.quick).run()
        table.note("CPU during this benchmark: " + cpu.finish().summary)
        table.print()
    } catch {
        Console.error("outbox: \(error)")
    }
    try? await group.shutdownGracefully()
}
if options.runs(.access) {
    Console.progress("access: StampDecoder per preset; socat PTY -> hub -> WebSocket event")
    let cpu = CPUUsage()
    do {
        var table = try AccessControlDecodeBench(quick: options.quick).run()
        table.note("CPU during this benchmark: " + cpu.finish().summary)
        table.print()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        do {
            try await AccessControlStreamBench(hubPath: options.hubPath, group: group, quick: options.quick).run().print()
        } catch {
            Console.error("access (end to end): \(error)")
        }
        try? await group.shutdownGracefully()
    } catch {
        Console.error("access: \(error)")
    }
}
if options.runs(.smpp) {
    Console.progress("smpp: SMSEncoding.plan; sms_smpp -> Net::SMPP simulator at window 1 and 10")
    let cpu = CPUUsage()
    do {
        var tables = try await SMPPBench(quick: options.quick).run()
        tables[tables.count - 1].note("CPU during this benchmark: " + cpu.finish().summary)
        for table in tables { table.print() }
    } catch {
        Console.error("smpp: \(error)")
    }
}
if options.runs(.http) {
    Console.progress("http: CurlHTTPClient against a loopback NIO server")
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let cpu = CPUUsage()
    do {
        var table = try await HTTPClientBench(group: group, quick: options.quick).run()
        table.note("CPU during this benchmark: " + cpu.finish().summary)
        table.print()
    } catch {
        Console.error("http: \(error)")
    }
    try? await group.shutdownGracefully()
}
if options.runs(.routing) {
    Console.progress("routing: RoutingEngine.handle with 10 → 1,000 queues × 100 agents, 10 waiting per queue")
    let cpu = CPUUsage()
    var tables = RoutingBench(quick: options.quick).run()
    tables[tables.count - 1].note("CPU during this benchmark: " + cpu.finish().summary)
    for table in tables { table.print() }
}
if options.runs(.caldav) {
    Console.progress("caldav: iCalendar parse+expand; CalDAVSource.fetch against Radicale")
    let cpu = CPUUsage()
    do {
        var tables = try await CalDAVBench(quick: options.quick).run()
        tables[tables.count - 1].note("CPU during this benchmark: " + cpu.finish().summary)
        for table in tables { table.print() }
    } catch {
        Console.error("caldav: \(error)")
    }
}
if options.runs(.smsHTTP) {
    Console.progress("sms-http: sms_kannel -> Kannel + fakesmsc, sms_http -> provider fixture")
    let cpu = CPUUsage()
    do {
        var table = try await SMSHTTPBench(quick: options.quick).run()
        table.note("CPU during this benchmark: " + cpu.finish().summary)
        table.print()
    } catch {
        Console.error("sms-http: \(error)")
    }
}
if options.runs(.calendarFixtures) {
    Console.progress("calendar-fixtures: EWS, Graph and Domino adapters against a loopback fixture server")
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let cpu = CPUUsage()
    do {
        var table = try await CalendarFixtureBench(group: group, quick: options.quick).run()
        table.note("CPU during this benchmark: " + cpu.finish().summary)
        table.print()
    } catch {
        Console.error("calendar-fixtures: \(error)")
    }
    try? await group.shutdownGracefully()
}
Console.print("\nHubBench finished in \(Format.duration(Monotonic.since(started)))")
