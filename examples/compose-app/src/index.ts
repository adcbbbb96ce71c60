export { type ComposeOptions, type ComposeReport, findListDownload } from './compose.ts'
