import { render } from 'preact';
import { ReadingListPage } from '../../components/reading-list/ReadingListPage';
import '../../components/theme.css';
import '../../components/app.css';

render(<ReadingListPage />, document.getElementById('app') as HTMLElement);
