import Foundation
import ReportKit

/// Where and as whom to call one AWS service: credentials, region and endpoint, found in
/// the standard places in the standard order.
///
/// 1. `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`; else the profile
///    (`AWS_PROFILE`, default `default`) in `~/.aws/credentials`, then in `~/.aws/config`.
/// 2. Region: `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region` in `~/.aws/config`.
/// 3. Endpoint: `AWS_ENDPOINT_URL_<SERVICE>` (`AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL_DYNAMODB`),
///    `AWS_ENDPOINT_URL`, else the service's public endpoint for the region.
public struct AWSConfiguration: Sendable {
    public var credentials: AWSCredentials
    public var region: String
    /// A custom endpoint (a local server), or `nil` for AWS itself.
    public var endpoint: URL?

    public init(credentials: AWSCredentials, region: String, endpoint: URL? = nil) {
        self.credentials = credentials
        self.region = region
        self.endpoint = endpoint
    }

    /// Resolves the configuration for `service` (`s3`, `dynamodb`) from an environment and
    /// the texts of the credentials and config files (nil when absent). Pure.
    public static func resolve(
        service: String, environment: [String: String], credentialsFile: String?, configFile: String?,
        places: [String] = ["~/.aws/credentials", "~/.aws/config"]
    ) throws(AWSConfigurationError) -> AWSConfiguration {
        let profile = environment["AWS_PROFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        let credentialSections = credentialsFile.map(INIFile.sections) ?? [:]
        let configSections = configFile.map(INIFile.sections) ?? [:]
        let configProfile = configSections[profile == "default" ? "default" : "profile \(profile)"] ?? configSections[profile] ?? [:]
        let fileProfile = credentialSections[profile] ?? [:]

        let credentials: AWSCredentials
        if let key = environment["AWS_ACCESS_KEY_ID"], !key.isEmpty, let secret = environment["AWS_SECRET_ACCESS_KEY"], !secret.isEmpty {
            credentials = AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: nonEmpty(environment["AWS_SESSION_TOKEN"]))
        } else if let found = Self.credentials(in: fileProfile) ?? Self.credentials(in: configProfile) {
            credentials = found
        } else {
            throw AWSConfigurationError(
                "no AWS credentials for profile '\(profile)': set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add aws_access_key_id and aws_secret_access_key to the profile (looked in the environment, \(places.joined(separator: ", ")))")
        }
        guard let region = nonEmpty(environment["AWS_REGION"]) ?? nonEmpty(environment["AWS_DEFAULT_REGION"]) ?? nonEmpty(configProfile["region"]) else {
            throw AWSConfigurationError("no AWS region: set AWS_REGION (or AWS_DEFAULT_REGION), or region in the profile '\(profile)' of \(places.last ?? "~/.aws/config")")
        }
        guard isRegionName(region) else {
            throw AWSConfigurationError("the AWS region '\(region)' is not a region name (lowercase letters, digits and '-', like eu-north-1)")
        }
        let serviceVariable = "AWS_ENDPOINT_URL_" + service.uppercased().replacingOccurrences(of: "-", with: "_")
        var endpoint: URL?
        if let text = nonEmpty(environment[serviceVariable]) ?? nonEmpty(environment["AWS_ENDPOINT_URL"]) {
            guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                throw AWSConfigurationError("\(serviceVariable)/AWS_ENDPOINT_URL must be an http(s) URL")
            }
            endpoint = url
        }
        return AWSConfiguration(credentials: credentials, region: region, endpoint: endpoint)
    }

    /// The region, checked to be one a host name can hold (`eu-north-1`).
    ///
    /// - Throws: ``AWSConfigurationError`` (bad input) when it is not.
    public func checkedRegion() throws(AWSConfigurationError) -> String {
        guard Self.isRegionName(region) else {
            throw AWSConfigurationError("the AWS region '\(region)' is not a region name (lowercase letters, digits and '-', like eu-north-1)")
        }
        return region
    }

    /// Lowercase letters, digits and `-`, 1 to 32 of them, not starting or ending with `-`.
    static func isRegionName(_ text: String) -> Bool {
        (1...32).contains(text.utf8.count) && text.first != "-" && text.last != "-"
            && text.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") }
    }

    private static func credentials(in section: [String: String]) -> AWSCredentials? {
        guard let key = nonEmpty(section["aws_access_key_id"]), let secret = nonEmpty(section["aws_secret_access_key"]) else { return nil }
        return AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: nonEmpty(section["aws_session_token"]))
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}

/// The AWS configuration is missing or wrong: bad input, exit 2. Never holds a secret.
public struct AWSConfigurationError: Error, Sendable, CategorizedError, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
    public var category: ErrorCategory { .badInput }
}

/// The INI files of the AWS CLI: `[section]` headers and `key = value` lines.
enum INIFile {
    static func sections(_ text: String) -> [String: [String: String]] {
        var sections: [String: [String: String]] = [:]
        var current: String?
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                current = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let current, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            sections[current, default: [:]][key] = value
        }
        return sections
    }
}
