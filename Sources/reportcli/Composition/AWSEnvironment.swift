import Foundation
import ReportAdapters
import ReportKit

/// This process's AWS setup: the environment and the files under `$HOME/.aws` turned into
/// an ``AWSConfiguration``, and clients over URLSession with retries.
enum AWSEnvironment {
    /// Resolves the configuration for `service` from the environment and the files under
    /// `$HOME/.aws` (or `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE`).
    static func configuration(
        service: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(AWSConfigurationError) -> AWSConfiguration {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let credentialsPath = environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "\(home)/.aws/credentials"
        let configPath = environment["AWS_CONFIG_FILE"] ?? "\(home)/.aws/config"
        let read = { (path: String) in FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } }
        return try AWSConfiguration.resolve(
            service: service, environment: environment, credentialsFile: read(credentialsPath), configFile: read(configPath),
            places: [credentialsPath, configPath])
    }

    /// A client of `service` with this process's configuration; the credentials' secrets are
    /// redacted from `logger` before it is handed on.
    static func client(service: String, logger: Logger, timeout: Double = 10) throws -> AWSClient {
        let configuration = try configuration(service: service)
        var logger = logger
        for secret in configuration.credentials.secrets { logger.redacting(secret) }
        let transport = RetryingTransport(URLSessionTransport(), logger: logger)
        return AWSClient(service: service, configuration: configuration, transport: transport, clock: SystemClock(), timeout: timeout)
    }
}
