"""Live SES: `sesv2.get_email_identity` through boto3. boto3 is imported only here, only when used."""

from __future__ import annotations

from .errors import AwsError, InputError

GET_ACTION = "ses:GetEmailIdentity"
LIST_ACTION = "ses:ListEmailIdentities"
LIST_PAGE_SIZE = 1000  # the API's maximum: fewer pages, fewer throttled calls


class SesSource:
    """One SES v2 client for a region; errors become AwsError/InputError with the fix in the message."""

    def __init__(self, region: str | None, profile: str | None):
        import boto3
        import botocore.config
        import botocore.exceptions

        self._exceptions = botocore.exceptions
        try:
            session = boto3.session.Session(profile_name=profile, region_name=region)
        except botocore.exceptions.ProfileNotFound:
            raise InputError(f"--profile: no AWS profile named {profile!r} in the AWS configuration") from None
        self.region = session.region_name
        if not self.region:
            raise InputError("--region: no region given and none in the AWS configuration; pass --region (or set AWS_REGION)")
        config = botocore.config.Config(
            # SES v2 throttles its control plane at about 1 request/s: adaptive mode waits
            # client-side instead of failing, standard timeouts keep a dead network bounded.
            retries={"mode": "adaptive", "max_attempts": 8},
            connect_timeout=5,
            read_timeout=15,
        )
        # AWS_ENDPOINT_URL_SESV2 / AWS_ENDPOINT_URL are honoured by botocore itself.
        self.client = session.client("sesv2", config=config)

    def get_identity(self, fqdn: str) -> dict:
        name = fqdn.rstrip(".")
        exc = self._exceptions
        try:
            response = self.client.get_email_identity(EmailIdentity=name)
        except exc.NoCredentialsError:
            raise AwsError(
                "AWS credentials not found: set AWS_PROFILE or pass --profile, or set AWS_ACCESS_KEY_ID and "
                "AWS_SECRET_ACCESS_KEY (or use --identity-file with saved JSON)"
            ) from None
        except exc.ClientError as e:
            raise AwsError(_client_error_message(e, name, self.region, GET_ACTION)) from None
        except (exc.EndpointConnectionError, exc.ConnectTimeoutError, exc.ReadTimeoutError, exc.ConnectionClosedError) as e:
            raise AwsError(f"SES in {self.region}: network failure asking for {name}: {type(e).__name__}") from None
        except exc.BotoCoreError as e:
            raise AwsError(f"SES in {self.region}: {name}: {e}") from None
        response.pop("ResponseMetadata", None)
        return response


    def list_domain_identities(self) -> tuple[list[str], dict[str, int]]:
        """Every identity name of the region, following NextToken (boto3 has no paginator for it).

        Returns the DOMAIN identities' names, and how many of each other type (EMAIL_ADDRESS, ...)
        were left out: those have no DNS records.
        """
        exc = self._exceptions
        domains: list[str] = []
        skipped: dict[str, int] = {}
        token = None
        while True:
            kwargs = {"PageSize": LIST_PAGE_SIZE, **({"NextToken": token} if token else {})}
            try:
                page = self.client.list_email_identities(**kwargs)
            except exc.NoCredentialsError:
                raise AwsError(
                    "AWS credentials not found: set AWS_PROFILE or pass --profile, or set AWS_ACCESS_KEY_ID and "
                    "AWS_SECRET_ACCESS_KEY (or use --identity-file with saved JSON)"
                ) from None
            except exc.ClientError as e:
                raise AwsError(_client_error_message(e, "the list of identities", self.region, LIST_ACTION)) from None
            except (exc.EndpointConnectionError, exc.ConnectTimeoutError, exc.ReadTimeoutError, exc.ConnectionClosedError) as e:
                raise AwsError(f"SES in {self.region}: network failure listing identities: {type(e).__name__}") from None
            except exc.BotoCoreError as e:
                raise AwsError(f"SES in {self.region}: listing identities: {e}") from None
            for item in page.get("EmailIdentities", []):
                kind = item.get("IdentityType")
                if kind == "DOMAIN":
                    domains.append(item["IdentityName"])
                else:
                    skipped[kind] = skipped.get(kind, 0) + 1
            token = page.get("NextToken")
            if not token:
                return domains, skipped


def _client_error_message(error, name: str, region: str, action: str) -> str:
    code = error.response.get("Error", {}).get("Code", "Unknown")
    status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    if code == "NotFoundException":
        return f"SES in {region}: no identity {name} (check the domain and --region)"
    if code in ("AccessDeniedException", "AccessDenied", "UnauthorizedOperation"):
        return f"SES in {region}: access denied for {name}: the caller needs the IAM permission {action}"
    if code in ("TooManyRequestsException", "ThrottlingException", "LimitExceededException"):
        return f"SES in {region}: still throttled after retries asking for {name}; try again later"
    if code in ("UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException", "ExpiredTokenException", "SignatureDoesNotMatch"):
        return f"SES in {region}: the AWS credentials were rejected ({code}); refresh them or pick another --profile"
    return f"SES in {region}: {code} (HTTP {status}) asking for {name}"
