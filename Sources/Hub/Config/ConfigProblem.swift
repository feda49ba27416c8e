/// A problem in a configuration file, reported as `plugins.d/lobby.toml: settings.bauds: unknown key`.
struct ConfigProblem: Error, Sendable, Equatable, CustomStringConvertible {
    var file: String
    /// The key path inside the file (`settings.baud`), when the problem is one key.
    var key: String?
    var message: String

    var description: String { [file, key, message].compactMap { $0 }.joined(separator: ": ") }
}
