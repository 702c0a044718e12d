import CBuildInfo

/// What `yuedu --version` says: the version and the commit the binary was built from.
enum BuildInfo {
    /// The version; CHANGELOG.md says what each one brought.
    static let version = "0.2.0-dev"

    /// The commit, as scripts/install.sh found it (`a9bb19f3c1d2`, `-dirty` when the tree had
    /// changes); nil for a build that was not told (`swift build`, a tarball without `.git`).
    static var commit: String? {
        let commit = String(cString: yuedu_build_commit())
        return commit.isEmpty ? nil : commit
    }

    /// `0.2.0-dev (commit a9bb19f3c1d2)`, or `(commit unknown)`.
    static var versionLine: String {
        "\(version) (commit \(commit ?? "unknown"))"
    }
}
