"""The S3 -> SQS chain on moto, for the Lambda tests: a bucket whose object-created
notifications go to a queue; one object put under staging/; the queue's message read back
and wrapped as Lambda's SQS event delivers it.

  s3_sqs_event.py BUCKET KEY   -> the Lambda SQS event (JSON) on standard output

The endpoint and credentials come from AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, ... as set by
the test.
"""
import json
import os
import sys

import boto3


def client(service):
    return boto3.client(service, endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name=os.environ.get("AWS_REGION", "us-east-1"))


def main(bucket, key):
    s3, sqs = client("s3"), client("sqs")
    queue_url = sqs.create_queue(QueueName=bucket + "-changes")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    s3.create_bucket(Bucket=bucket)
    s3.put_bucket_notification_configuration(Bucket=bucket, NotificationConfiguration={
        "QueueConfigurations": [{"QueueArn": queue_arn, "Events": ["s3:ObjectCreated:*"],
                                 "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": "staging/"}]}}}]})
    s3.put_object(Bucket=bucket, Key=key, Body=b"a,b\n1,2\n", ContentType="text/csv")
    records = []
    for _ in range(10):
        for message in sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1).get("Messages", []):
            body = json.loads(message["Body"])
            # The notification configuration's own s3:TestEvent comes first; keep the real one.
            if body.get("Event") == "s3:TestEvent":
                continue
            records.append({"messageId": message["MessageId"], "receiptHandle": message["ReceiptHandle"],
                            "body": message["Body"], "attributes": {}, "messageAttributes": {},
                            "md5OfBody": message["MD5OfBody"], "eventSource": "aws:sqs",
                            "eventSourceARN": queue_arn, "awsRegion": "us-east-1"})
        if records:
            break
    if not records:
        sys.exit("no notification reached the queue")
    print(json.dumps({"Records": records}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
