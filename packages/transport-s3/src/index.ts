export {
  createS3Transport,
  type S3ClientOptions,
  type S3InjectedClientOptions,
  type S3Transport,
  type S3TransportOptions,
} from './s3-transport.ts'
export { formatS3Url, isValidBucketName, parseS3Url, type S3Location } from './s3-url.ts'
