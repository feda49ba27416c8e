import Foundation
import HubCore
import Logging
import TOMLKit

/// Reads `plugins.d/*.toml`: one instance per file, runtime keys at the top, the kind's settings in `[settings]`.
///
/// Unknown keys are errors naming file and key. A settings key `<name>_env = "VAR"` takes the value of
/// `<name>` from the environment variable VAR, so secrets stay out of the files.
enum PluginsDirectory {
    static let runtimeKeys: Set<String> = ["plugin", "tenant", "enabled", "log_level", "settings"]

    /// Loads every instance file; each problem is returned, and a file with problems yields no instance.
    static func load(
        directory: String, registry: PluginRegistry, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (instances: [PluginInstanceConfig], problems: [ConfigProblem]) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            guard FileManager.default.fileExists(atPath: directory) else { return ([], []) }
            return ([], [ConfigProblem(file: directory, key: nil, message: "cannot read directory: \(error)")])
        }
        var instances: [PluginInstanceConfig] = []
        var problems: [ConfigProblem] = []
        for name in names.sorted() where name.hasSuffix(".toml") {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                instances.append(try parse(file: path, text: text, registry: registry, environment: environment))
            } catch let problem as ConfigProblem {
                problems.append(problem)
            } catch {
                problems.append(ConfigProblem(file: path, key: nil, message: "cannot read: \(error)"))
            }
        }
        return (instances, problems)
    }

    /// Parses one instance file.
    static func parse(file: String, text: String, registry: PluginRegistry, environment: [String: String]) throws -> PluginInstanceConfig {
        func problem(_ key: String?, _ message: String) -> ConfigProblem { ConfigProblem(file: file, key: key, message: message) }
        let id = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        guard Slug.isValid(id) else { throw problem(nil, "file name must be an instance id: \(Slug.rule)") }
        let root: [String: Any]
        do {
            let table = try TOMLTable(string: text)
            let json = table.convert(to: .json)
            root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
        } catch let error as TOMLParseError {
            throw problem(nil, "line \(error.source.begin.line), column \(error.source.begin.column): \(error.description)")
        }
        for key in Set(root.keys).subtracting(runtimeKeys).sorted() {
            throw problem(key, "unknown key (allowed at top level: \(runtimeKeys.sorted().joined(separator: ", ")))")
        }
        guard let kind = root["plugin"] as? String else { throw problem("plugin", "required: the plugin kind, one of \(registry.kinds.joined(separator: ", "))") }
        guard let factory = registry.factory(kind) else {
            throw problem("plugin", "unknown kind '\(kind)'; known: \(registry.kinds.joined(separator: ", "))")
        }
        guard let tenantText = root["tenant"] as? String else { throw problem("tenant", "required: the tenant id this instance serves") }
        guard Slug.isValid(tenantText) else { throw problem("tenant", Slug.rule) }
        var enabled = true
        if let value = root["enabled"] {
            guard JSONValues.isBool(value), let flag = value as? Bool else { throw problem("enabled", "expected true or false") }
            enabled = flag
        }
        var level = Logger.Level.info
        if let value = root["log_level"] {
            guard let text = value as? String, let parsed = Logger.Level(rawValue: text) else {
                throw problem("log_level", "expected one of trace, debug, info, notice, warning, error, critical")
            }
            level = parsed
        }
        var settings: [String: Any] = [:]
        if let value = root["settings"] {
            guard let table = value as? [String: Any] else { throw problem("settings", "expected a table [settings]") }
            settings = table
        }
        let allowed = Set(factory.settingsKeys)
        var resolved: [String: JSONScalarTree] = [:]
        for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
            if allowed.contains(key) {
                resolved[key] = JSONScalarTree(value)
            } else if key.hasSuffix("_env"), allowed.contains(String(key.dropLast(4))) {
                let target = String(key.dropLast(4))
                if settings[target] != nil { throw problem("settings.\(key)", "give either \(target) or \(key), not both") }
                guard let variable = value as? String else { throw problem("settings.\(key)", "expected the name of an environment variable") }
                guard let secret = environment[variable] else {
                    throw problem("settings.\(key)", "environment variable \(variable) is not set")
                }
                resolved[target] = .string(secret)
            } else {
                throw problem("settings.\(key)", "unknown key (\(kind) accepts: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
        let source = JSONSettingsSource(object: resolved)
        let fingerprint = "\(kind)|\(tenantText)|\(enabled)|\(level)|\(source.canonical)".sha256
        return PluginInstanceConfig(
            id: id, file: file, kind: kind, tenant: TenantID(tenantText), enabled: enabled, logLevel: level,
            settings: source, fingerprint: fingerprint)
    }
}
