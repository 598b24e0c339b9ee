"""boto3's side of ReportKit's moto integration tests: sets up and reads back what the
Swift side writes, so each side is checked by the other's client.

  moto_check.py create-bucket BUCKET
  moto_check.py s3-put BUCKET KEY CONTENT_TYPE TEXT
  moto_check.py s3-get BUCKET KEY                 -> {"body": ..., "content_type": ...}
  moto_check.py dynamodb-load TABLE ITEMS.json     (creates the table and its GSI first)
  moto_check.py dynamodb-get TABLE ARTIFACT INSTANCE   -> the item as JSON
  moto_check.py iam-user                           -> {"id": ..., "secret": ...} (auth mode)

The endpoint and credentials come from AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, ... as set by
the test.
"""
import json
import os
import sys
from decimal import Decimal

import boto3


def client(service):
    return boto3.client(service, endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name=os.environ.get("AWS_REGION", "us-east-1"))


def plain(value):
    if isinstance(value, Decimal):
        return int(value) if value == int(value) else float(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def main(args):
    command = args[0]
    if command == "create-bucket":
        client("s3").create_bucket(Bucket=args[1])
    elif command == "s3-put":
        client("s3").put_object(Bucket=args[1], Key=args[2], ContentType=args[3], Body=args[4].encode())
    elif command == "s3-get":
        answer = client("s3").get_object(Bucket=args[1], Key=args[2])
        print(json.dumps({"body": answer["Body"].read().decode(), "content_type": answer.get("ContentType")}))
    elif command == "dynamodb-load":
        table = args[1]
        dynamodb = boto3.resource("dynamodb", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name=os.environ.get("AWS_REGION", "us-east-1"))
        dynamodb.create_table(
            TableName=table,
            KeySchema=[{"AttributeName": "artifact", "KeyType": "HASH"}, {"AttributeName": "instance", "KeyType": "RANGE"}],
            AttributeDefinitions=[
                {"AttributeName": "artifact", "AttributeType": "S"},
                {"AttributeName": "instance", "AttributeType": "S"},
                {"AttributeName": "plan", "AttributeType": "S"},
            ],
            GlobalSecondaryIndexes=[{
                "IndexName": "artifact-plan-index",
                "KeySchema": [{"AttributeName": "artifact", "KeyType": "HASH"}, {"AttributeName": "plan", "KeyType": "RANGE"}],
                "Projection": {"ProjectionType": "ALL"},
            }],
            BillingMode="PAY_PER_REQUEST",
        )
        with open(args[2]) as f:
            items = json.load(f, parse_float=Decimal, parse_int=Decimal)
        with dynamodb.Table(table).batch_writer() as batch:
            for item in items:
                batch.put_item(Item=item)
    elif command == "dynamodb-get":
        answer = boto3.resource("dynamodb", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name=os.environ.get("AWS_REGION", "us-east-1")) \
            .Table(args[1]).get_item(Key={"artifact": args[2], "instance": args[3]})
        print(json.dumps(plain(answer.get("Item"))))
    elif command == "iam-user":
        iam = client("iam")
        iam.create_user(UserName="reportkit")
        iam.put_user_policy(
            UserName="reportkit", PolicyName="everything",
            PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}),
        )
        key = iam.create_access_key(UserName="reportkit")["AccessKey"]
        print(json.dumps({"id": key["AccessKeyId"], "secret": key["SecretAccessKey"]}))
    else:
        sys.exit("unknown command " + command)


if __name__ == "__main__":
    main(sys.argv[1:])
