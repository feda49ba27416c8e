import ArgumentParser

/// The `hub` command: serve the API, check configuration, manage plugins, tokens and presence.
@main
struct HubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub",
        abstract: "Presence and routing hub for business telephony.",
        subcommands: [
            ServeCommand.self, SeedCommand.self, CheckConfigCommand.self, PluginsCommand.self, TokenCommand.self,
            PresenceCommand.self,
        ]
    )
}

/// Options shared by commands that open the data directory.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Directory holding hub.sqlite.")
    var dataDirectory: String = "./var"
}
