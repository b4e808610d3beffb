/**
 * What a person sees when the app cannot start. Written out here, not in the i18n files,
 * because it must show before (and without) anything else working. zh-TW first, then English.
 */
import { DatabaseFromFutureError } from '../core/db/migrate';

export interface StartupErrorText {
  title: string;
  body: string;
}

function isFromFuture(e: unknown): e is DatabaseFromFutureError {
  return e instanceof DatabaseFromFutureError || (e instanceof Error && e.name === 'DatabaseFromFutureError');
}

export function startupErrorText(e: unknown, dbFile: string): StartupErrorText {
  if (isFromFuture(e)) {
    const { fileVersion, appVersion } = e as DatabaseFromFutureError;
    return {
      title: '毒防服務台無法開啟資料庫 / Cannot open the database',
      body: [
        `這個資料庫是較新版本的毒防服務台所建立（資料庫第 ${fileVersion} 版，本程式只支援到第 ${appVersion} 版）。`,
        '為保護資料，程式沒有開啟也沒有變更這個檔案。請安裝最新版本的毒防服務台，或聯絡系統管理員。',
        '',
        `This database was created by a newer version of 毒防服務台 (database version ${fileVersion}; this copy supports up to version ${appVersion}).`,
        'To protect the data, the file was neither opened nor changed. Please install the latest version, or contact your administrator.',
        '',
        `資料庫檔案 / Database file: ${dbFile}`,
      ].join('\n'),
    };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return {
    title: '毒防服務台無法啟動 / The application could not start',
    body: [
      '程式啟動時發生錯誤，已停止執行。請將以下訊息提供給系統管理員。',
      'An error stopped the application while starting. Please give the message below to your administrator.',
      '',
      detail,
      '',
      `資料庫檔案 / Database file: ${dbFile}`,
    ].join('\n'),
  };
}
