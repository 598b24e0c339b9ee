import PipelineCore
/// The help texts.
enum Usage {
    static func topic(_ name: String?) -> String? {
        switch name {
        case "slips": return slips
        case "pipeline": return pipeline
        default: return nil
        }
    }

    static let exitCodes = """
        EXIT CODES:
          0  success
          1  the run completed and found failures you asked to be told about
          2  usage error or bad input: nothing was written, no state moved
          3  an outside system (store, network) failed after retries: no state moved
        """

    static let main = """
        reportcli: run the scheduled data reports of ReportKit.

        USAGE: reportcli <command> [options]

        COMMANDS:
          slips       report plan dates that slipped or improved since the last run
          pipeline    run one dataset pipeline step (the bydelsfakta functions)
          help        show help for a command: reportcli help slips

        Machine-readable output goes to standard output as JSON; logs and progress go to
        standard error.

        \(exitCodes)
        """

    static let slips = """
        reportcli slips: report plan dates that slipped or improved since the last run.

        USAGE: reportcli slips --db PATH|dynamodb://TABLE [options]

        Reads the buildables table, finds the plans whose date moved by at least the slip
        delta since the cutoff (the end of the last successful run, at most the horizon ago),
        prints the notification payload as JSON on standard output, sends it to the
        notification service and moves the cutoff to now.

        OPTIONS:
          --db PATH|dynamodb://TABLE
                              the buildables table: a YAML or JSON file with `items:`, or a
                              DynamoDB table (credentials and region from the usual AWS places)
          --now ISO-8601      the time of the run (default: the clock), e.g. 2020-05-01T04:05:06Z
          --dryrun            print the payload only: send nothing, leave the store untouched
          --logmm             log the pretty payload once on standard error
          --debug             log every decision on standard error
          --horizon-hours N   look back at most N hours (default 336, or $TIME_HORIZON)
          --slip-delta N      report moves of N days or more (default 30; at least 1)
          --notify-url URL    the notification service (default $REPORTKIT_NOTIFY_URL)
          --metrics PATH|-    append CloudWatch EMF metric lines to PATH, or stdout for -
                              (default: standard error)
          --timeout SECONDS   give up on one attempt to reach the notification service or
                              DynamoDB after this long (default 5); failed attempts are
                              retried a few times, under 30 s in all
          --metrics-namespace NS
                              the metrics namespace (default ReportKit/Slips)
          -h, --help          show this help

        EXAMPLE:
          reportcli slips --db Fixtures/slips/e2e_db.yaml --now 2020-05-01T04:05:06Z --dryrun

        \(exitCodes)
        """

    static let pipeline = """
        reportcli pipeline run: run one step of a dataset pipeline.

        USAGE: reportcli pipeline run --event FILE --store DIR|s3://BUCKET/PREFIX [--now ISO-8601]

        Reads the step's event (the dataplatform's JSON: task, task_config with the function's
        arn and the dataset type, the output dataset, the input prefixes), reads the one file
        under each input prefix in the store, runs the bydelsfakta function and writes one
        <id>.json per district and 00.json under <s3_prefix with %stage% = intermediate><task>/.
        Prints the step data as JSON: status OK with {output dataset id: output prefix}, or
        status FAILED with the errors (and then nothing is left written).

        OPTIONS:
          --event FILE        the event JSON
          --store DIR|s3://BUCKET/PREFIX
                              where input prefixes and output keys live: a directory, or an S3
                              bucket (credentials and region from the usual AWS places)
          --now ISO-8601      the run's time; meta.publishedDate is its date (default: today)
          --debug             log every step on standard error
          -h, --help          show this help

        FUNCTIONS: \(BydelsfaktaFunction.all.map(\.name).joined(separator: ", "))

        \(exitCodes)
        """
}
