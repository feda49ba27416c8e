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
Console.print("\nHubBench finished in \(Format.duration(Monotonic.since(started)))")
