import HubCore
import HubPluginSupport
import Subprocess

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How the child is started, and what a failure to start it means.
struct ChildLaunch {
    /// The program as configured (`command[0]`).
    let program: String
    /// The Subprocess configuration.
    let configuration: Configuration

    init(settings: ExecPlugin.Settings) {
        program = settings.command.first ?? ""
        let executable: Executable
        if program.contains("/") {
            let relative = !program.hasPrefix("/")
            let path = relative && settings.workingDirectory != nil ? "\(settings.workingDirectory ?? ".")/\(program)" : program
            executable = .path(Self.filePath(path))
        } else {
            executable = .name(program)
        }
        var environment = Environment.inherit
        if !settings.environment.isEmpty {
            var overrides: [Environment.Key: String?] = [:]
            for (key, value) in settings.environment { overrides[Environment.Key(stringLiteral: key)] = value }
            environment = environment.updating(overrides)
        }
        var options = PlatformOptions()
        options.teardownSequence = [.gracefulShutDown(allowedDurationToNextStep: settings.stopGracePeriod.duration)]
        configuration = Configuration(
            executable: executable,
            arguments: Arguments(Array(settings.command.dropFirst())),
            environment: environment,
            workingDirectory: settings.workingDirectory.map(Self.filePath),
            platformOptions: options
        )
    }

    /// A start failure as the runtime should see it: a program or directory that is not there is the
    /// configuration's fault (`misconfigured`, not retried); anything else may pass (`unavailable`).
    func classify(_ error: SubprocessError) -> PluginError {
        if error.code == .executableNotFound {
            return .misconfigured("settings.command: program '\(program)' not found or not executable")
        }
        if error.code == .failedToChangeWorkingDirectory {
            return .misconfigured("settings.working_directory: cannot change into it (\(error))")
        }
        if error.code == .spawnFailed, let underlying = error.underlyingError,
            [ENOENT, EACCES, ENOEXEC, ENOTDIR, EISDIR, ELOOP, ENAMETOOLONG].contains(Self.rawValue(underlying))
        {
            return .misconfigured("settings.command: cannot run '\(program)' (\(error))")
        }
        return .unavailable("cannot start '\(program)': \(error)")
    }

    /// The raw value of an `Errno`, read through `RawRepresentable` for the same reason.
    private static func rawValue<Value: RawRepresentable>(_ value: Value) -> Value.RawValue { value.rawValue }

    /// A `FilePath` built through its string-literal conformance, so this module needs no import of
    /// SystemPackage (which would be a package dependency of its own).
    private static func filePath<Path: ExpressibleByStringLiteral>(_ text: String) -> Path where Path.StringLiteralType == String {
        Path(stringLiteral: text)
    }
}
