/**
 * `npm run import -- <file.csv|file.xlsx> --into <dataset> [--region <id>] [--policy <id>] [--force] [--out <path>]`
 * converts a spreadsheet exported from Excel/WPS into a dataset's content CSV;
 * `npm run import -- <file.docx> --into briefings|policies --region <id>` imports a Word document.
 * The work is import-command.ts; this file prints its result and sets the exit code.
 */
import { contentRoot } from '../src/loaders/content-files.ts';
import { printResult } from './command-result.ts';
import { runImport } from './import-command.ts';

printResult(await runImport(process.argv.slice(2), { contentDir: contentRoot(), cwd: process.cwd() }));
