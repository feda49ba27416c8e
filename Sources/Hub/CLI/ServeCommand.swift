import ArgumentParser
import Dispatch
import Foundation
import Hummingbird
import Logging

/// `hub serve`: runs the API, the engine and the plugins until SIGTERM/SIGINT; SIGHUP reloads `plugins.d/`.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the hub.")

    @OptionGroup var data: DataOptions
    @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "Port to listen on.") var port: Int = 8080
    @Option(help: "Directory of plugin instance files (*.toml).") var plugins: String = "./plugins.d"
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func run() async throws {
        guard let level = Logger.Level(rawValue: logLevel) else { throw ValidationError("unknown log level '\(logLevel)'") }
        var logger = Logger(label: "hub")
        logger.logLevel = level
        let configuration = HubConfiguration(dataDirectory: data.dataDirectory, host: host, port: port, pluginsDirectory: plugins)
        let runtime = try await HubRuntime.make(configuration, registry: BuiltinPlugins.registry, logger: logger)
        let supervisor = runtime.supervisor
        signal(SIGHUP, SIG_IGN)
        let reload = DispatchSource.makeSignalSource(signal: SIGHUP)
        reload.setEventHandler {
            logger.info("SIGHUP: reloading \(configuration.pluginsDirectory)")
            Task { await supervisor.reload() }
        }
        reload.resume()
        logger.info("hub listening", metadata: ["url": "http://\(host):\(port)", "data": "\(configuration.dataDirectory)"])
        try await runtime.application().runService()
        reload.cancel()
    }
}
